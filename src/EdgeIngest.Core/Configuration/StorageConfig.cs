namespace EdgeIngest.Configuration;

/// <summary>Where the appliance keeps what must survive a restart: the outbox of events and clips not yet delivered.</summary>
public sealed class StorageConfig
{
    /// <summary>Default folder, next to the configuration file; an installed appliance sets <c>/var/lib/edgeingest</c>.</summary>
    public const string DefaultDirectory = "data";

    /// <summary>The folder (created if missing); a relative path is resolved against the configuration file's folder.</summary>
    public string Directory { get; set; } = DefaultDirectory;

    /// <summary>Disk the outbox may use before it drops clips (oldest first); hits and other events are never dropped.</summary>
    public int OutboxBudgetMb { get; set; } = 256;

    /// <summary>Local retention of reads, hits and evidence without a signed agreement.</summary>
    public RetentionDaysConfig RetentionDays { get; set; } = new();
}
