namespace EdgeIngest.Events;

/// <summary>
/// The MQTT topics of one device, all under <c>{prefix}/{device}/</c> so a broker ACL can confine
/// each device to its own subtree (deploy/agency-broker/). Documented in docs/events.md.
/// </summary>
public sealed class TopicLayout(string prefix, string deviceId)
{
    public string Prefix { get; } = prefix;

    public string DeviceId { get; } = deviceId;

    /// <summary>Hotlist hits, <c>edgeingest.hit/1</c>, QoS 1.</summary>
    public string Hits { get; } = $"{prefix}/{deviceId}/hits";

    /// <summary>A correction of a hit sent before its pass's vote was final, <c>edgeingest.hit-correction/1</c>, QoS 1.</summary>
    public string Corrections { get; } = $"{prefix}/{deviceId}/corrections";

    /// <summary>Other reads, only under the all_reads policy, <c>edgeingest.read/1</c>, QoS 1.</summary>
    public string Reads { get; } = $"{prefix}/{deviceId}/reads";

    /// <summary>Online/offline, retained; the broker publishes "offline" as the device's will.</summary>
    public string Status { get; } = $"{prefix}/{deviceId}/status";

    /// <summary>Periodic health, <c>edgeingest.heartbeat/1</c>.</summary>
    public string Heartbeat { get; } = $"{prefix}/{deviceId}/heartbeat";

    /// <summary>What the device had to drop (only ever clip data), <c>edgeingest.drop/1</c>.</summary>
    public string Drops { get; } = $"{prefix}/{deviceId}/drops";

    /// <summary>
    /// The property's registration with the agency, <c>edgeingest.registration/1</c>, retained,
    /// QoS 1, published on every connect: the agency's registry of participating properties and cameras.
    /// </summary>
    public string Registration { get; } = $"{prefix}/{deviceId}/registration";

    /// <summary>Agency → device commands, <c>edgeingest.command/1</c>.</summary>
    public string Commands { get; } = $"{prefix}/{deviceId}/commands";

    /// <summary>
    /// Agency → device signed hotlist (full list or delta, <c>edgeingest.signed/1</c>), retained,
    /// QoS 1: a device that was offline gets the newest one when it connects.
    /// </summary>
    public string Hotlist { get; } = $"{prefix}/{deviceId}/hotlist";

    /// <summary>Agency → device signed data-sharing agreement (<c>edgeingest.signed/1</c>), retained, QoS 1.</summary>
    public string Agreement { get; } = $"{prefix}/{deviceId}/agreement";

    /// <summary>Device → agency answers to commands and to signed documents, <c>edgeingest.command-result/1</c>.</summary>
    public string CommandResults { get; } = $"{prefix}/{deviceId}/command-results";

    /// <summary>
    /// Agency → device end-to-end acknowledgements, <c>edgeingest.ack/1</c>, QoS 1: what the
    /// receiver has durably stored; only then does a message leave the device's outbox.
    /// </summary>
    public string Acks { get; } = $"{prefix}/{deviceId}/acks";

    /// <summary>Changes of state of footage requests, <c>edgeingest.footage-status/1</c>, QoS 1 (docs/footage.md).</summary>
    public string FootageStatus { get; } = $"{prefix}/{deviceId}/footage-status";

    /// <summary>Where <paramref name="topic"/> lies under this device's subtree (e.g. <c>hits</c>), or null when it is not under it.</summary>
    public string? Relative(string topic)
    {
        var root = $"{Prefix}/{DeviceId}/";
        return topic.StartsWith(root, StringComparison.Ordinal) ? topic[root.Length..] : null;
    }

    /// <summary>A hit's clip: manifest (<c>edgeingest.clip/1</c>) then numbered raw chunks.</summary>
    public string ClipManifest(string eventId) => $"{Prefix}/{DeviceId}/clips/{eventId}/manifest";

    public string ClipChunk(string eventId, int index) => $"{Prefix}/{DeviceId}/clips/{eventId}/chunks/{index}";

    /// <summary>Approved footage: manifest (<c>edgeingest.footage/1</c>) then each camera's parts as numbered raw chunks.</summary>
    public string FootageManifest(string requestId) => $"{Prefix}/{DeviceId}/footage/{requestId}/manifest";

    public string FootageChunk(string requestId, string cameraId, int part, int index) =>
        $"{Prefix}/{DeviceId}/footage/{requestId}/{cameraId}/{part}/chunks/{index}";

    /// <summary>Every device's hits, for the agency's subscriber.</summary>
    public static string AllHits(string prefix) => $"{prefix}/+/hits";

    /// <summary>Everything every device publishes, for the agency's receiver.</summary>
    public static string AllDevices(string prefix) => $"{prefix}/#";
}
