namespace EdgeIngest.Events;

/// <summary>
/// Data the device had to drop, on <c>{prefix}/{device}/drops</c>. Only clip data is ever dropped
/// (to stay within the outbox's disk budget, or a clip that could not be made or was lost to a
/// crash); <see cref="EventId"/> is the hit the clip belonged to.
/// </summary>
/// <param name="ReasonCode">A fixed code for <paramref name="Reason"/> (<c>budget_exhausted</c>, <c>cut_failed</c>, …); null from older devices.</param>
public sealed record DropEvent(string Schema, string DeviceId, DateTimeOffset At, string Kind, string EventId, long Bytes, string Reason, string? ReasonCode = null)
{
    public const string SchemaV1 = "edgeingest.drop/1";

    public const string ClipKind = "clip";
}
