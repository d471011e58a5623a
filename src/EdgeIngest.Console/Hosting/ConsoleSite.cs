using EdgeIngest.Audit;
using EdgeIngest.Configuration;
using EdgeIngest.Pipeline;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>What the pages read: the running appliance (its live objects, not copies) and its configuration.</summary>
internal sealed class ConsoleSite(Appliance appliance, EdgeIngestConfig config, string? folder = null)
{
    public Appliance Appliance { get; } = appliance;

    public EdgeIngestConfig Config { get; } = config;

    public string DeviceId => Config.Device.Id;

    public AuditPaths AuditPaths { get; } = AuditPaths.Under(config.Storage.Directory);

    /// <summary><c>{storage}/console</c>: the password hash and the session keys, for the service's user only.</summary>
    public string Folder { get; } = folder ?? DefaultFolder(config);

    public static string DefaultFolder(EdgeIngestConfig config) => Path.Combine(config.Storage.Directory, "console");
}
