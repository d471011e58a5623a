namespace EdgeIngest.Receiving.Configuration;

/// <summary>
/// The agency receiver's YAML file (<c>edgeingest receive --config FILE</c>): which broker to
/// listen on, under which topic prefix, and where to write what arrives.
/// </summary>
public sealed class ReceiverConfig
{
    public ReceiverBrokerConfig Broker { get; set; } = new();

    /// <summary>First segment of every device topic; must match the devices' <c>broker.topic_prefix</c>.</summary>
    public string TopicPrefix { get; set; } = "edgeingest";

    /// <summary>Hits, pictures, clips, device status and logs are written under this folder.</summary>
    public string OutputDirectory { get; set; } = "";
}
