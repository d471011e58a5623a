namespace EdgeIngest.Outbox;

/// <summary>
/// A clip the agency was told to expect (the hit's <c>clip</c> field): stored with the hit, in the
/// same transaction, and removed in the transaction that stores the clip or reports its drop. One
/// still open at start-up is a clip a crash interrupted.
/// </summary>
/// <param name="From">Start of the promised window (the read minus the pre-roll).</param>
/// <param name="To">End of the promised window (the read plus the post-roll).</param>
public sealed record ClipPromise(string EventId, string CameraId, DateTimeOffset From, DateTimeOffset To, DateTimeOffset PromisedAt);
