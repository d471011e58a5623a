namespace EdgeIngest.Interop.Mosquitto;

/// <summary>A publish waiting for its acknowledgement; the topic is kept for the failure message.</summary>
internal readonly record struct PendingPublish(string Topic, TaskCompletionSource Acknowledged);
