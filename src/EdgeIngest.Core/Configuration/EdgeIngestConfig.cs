using EdgeIngest.Cameras;
using EdgeIngest.Clips;

namespace EdgeIngest.Configuration;

/// <summary>
/// The appliance's configuration file, as written by the owner or the agency technician
/// (YAML, snake_case keys). <see cref="ConfigLoader"/> reads and validates it.
/// </summary>
public sealed class EdgeIngestConfig
{
    public DeviceConfig Device { get; set; } = new();

    public List<CameraOptions> Cameras { get; set; } = [];

    public BrokerConfig Broker { get; set; } = new();

    public HotlistConfig Hotlist { get; set; } = new();

    public SharingConfig Sharing { get; set; } = new();

    public RecognitionConfig Recognition { get; set; } = new();

    /// <summary>Following vehicles across frames: when a pass is voted on and reported.</summary>
    public TrackingConfig Tracking { get; set; } = new();

    /// <summary>Pre/post-roll clips for hits: segment ring, cut lengths, bounds.</summary>
    public ClipOptions Clips { get; set; } = new();

    public StorageConfig Storage { get; set; } = new();
}
