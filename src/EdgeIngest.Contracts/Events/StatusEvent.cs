namespace EdgeIngest.Events;

/// <summary>
/// The device's presence on <c>{prefix}/{device}/status</c>, retained: <c>online</c> on every
/// connect, <c>offline</c> on an orderly stop, and <c>offline</c> with <see cref="At"/> null as the
/// last will, which the broker publishes when the device vanishes (it cannot know the time).
/// </summary>
public sealed record StatusEvent(string Schema, string DeviceId, string State, DateTimeOffset? At, string Version)
{
    public const string SchemaV1 = "edgeingest.status/1";

    public const string Online = "online";

    public const string Offline = "offline";
}
