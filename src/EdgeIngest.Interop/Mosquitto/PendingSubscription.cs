namespace EdgeIngest.Interop.Mosquitto;

/// <summary>A subscribe waiting for its SUBACK; null <see cref="Acknowledged"/> for a renewal after reconnect.</summary>
internal readonly record struct PendingSubscription(string TopicFilter, TaskCompletionSource? Acknowledged);
