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

    /// <summary>The agency's public key: every hotlist and agreement must verify against it.</summary>
    public AgencyConfig Agency { get; set; } = new();

    /// <summary>The signed data-sharing agreement to start with (optional).</summary>
    public AgreementConfig Agreement { get; set; } = new();

    /// <summary>The property's registration, published to the agency's registry on connect (optional).</summary>
    public RegistrationConfig Registration { get; set; } = new();

    public SharingConfig Sharing { get; set; } = new();

    public RecognitionConfig Recognition { get; set; } = new();

    /// <summary>Following vehicles across frames: when a pass is voted on and reported.</summary>
    public TrackingConfig Tracking { get; set; } = new();

    /// <summary>Pre/post-roll clips for hits: segment ring, cut lengths, bounds.</summary>
    public ClipOptions Clips { get; set; } = new();

    public StorageConfig Storage { get; set; } = new();

    /// <summary>The continuous recording on disk that footage requests and hit clips are cut from.</summary>
    public RecordingConfig Recording { get; set; } = new();

    /// <summary>The owner's web console in the service's process.</summary>
    public ConsoleConfig Console { get; set; } = new();

    /// <summary>The file this configuration was loaded from (its changes are audited); null when built in code.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string? SourceFile { get; set; }
}
