namespace EdgeIngest.Events;

/// <summary>
/// The MQTT topics of one device, all under <c>{prefix}/{device}/</c> so a broker ACL can give
/// each device its own subtree. Documented in docs/events.md.
/// </summary>
public sealed class TopicLayout(string prefix, string deviceId)
{
    public string Hits { get; } = $"{prefix}/{deviceId}/hits";

    public string Reads { get; } = $"{prefix}/{deviceId}/reads";

    /// <summary>Every device's hits, for the agency's subscriber.</summary>
    public static string AllHits(string prefix) => $"{prefix}/+/hits";

    /// <summary>Every device's reads, for the agency's subscriber (only sent under all_reads).</summary>
    public static string AllReads(string prefix) => $"{prefix}/+/reads";
}
