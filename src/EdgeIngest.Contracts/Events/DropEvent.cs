namespace EdgeIngest.Events;

/// <summary>
/// Data the device had to drop, on <c>{prefix}/{device}/drops</c>. Only clip data is ever dropped
/// (to stay within the outbox's disk budget); <see cref="EventId"/> is the hit the clip belonged to.
/// </summary>
public sealed record DropEvent(string Schema, string DeviceId, DateTimeOffset At, string Kind, string EventId, long Bytes, string Reason)
{
    public const string SchemaV1 = "edgeingest.drop/1";

    public const string ClipKind = "clip";
}
