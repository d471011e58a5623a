namespace EdgeIngest.Events;

/// <summary>
/// Periodic health on <c>{prefix}/{device}/heartbeat</c>, every <c>broker.heartbeat_seconds</c>.
/// Never stored: a heartbeat that waited out an outage would describe a past that no longer holds.
/// <see cref="Audit"/> was added within version 1 (additive; absent or null from older devices).
/// </summary>
public sealed record HeartbeatEvent(
    string Schema,
    string DeviceId,
    DateTimeOffset At,
    long UptimeSeconds,
    IReadOnlyList<CameraHealthJson> Cameras,
    OutboxHealthJson Outbox,
    DiskHealthJson Disk,
    AuditHeadJson? Audit = null)
{
    public const string SchemaV1 = "edgeingest.heartbeat/1";
}
