using EdgeIngest.Configuration;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Outbox;

/// <summary>The storage and heartbeat settings as read from a real configuration file.</summary>
public sealed class StorageSettingsTests : IDisposable
{
    private const string Yaml = """
        device:
          id: gate-01
        cameras:
          - id: entrance
            url: rtsp://10.0.0.5:554/stream1
        broker:
          host: broker.agency.example
        hotlist:
          file: hotlist.signed.json
        agency:
          public_key_file: agency-public-key.pem

        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("edgeingest-storage-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Without_A_Storage_Section_The_Outbox_Lives_In_Data_Next_To_The_File_With_A_256_Mb_Budget_And_30_S_Heartbeats()
    {
        var config = ConfigLoader.Load(Write(Yaml));

        Assert.Equal(Path.Combine(_dir, "data"), config.Storage.Directory);
        Assert.Equal(256, config.Storage.OutboxBudgetMb);
        Assert.Equal(30, config.Broker.HeartbeatSeconds);
    }

    [Fact]
    public void A_Relative_Storage_Folder_Is_Resolved_Against_The_File_And_An_Absolute_One_Is_Kept()
    {
        Assert.Equal(Path.Combine(_dir, "spool", "edge"), ConfigLoader.Load(Write(Yaml + "storage:\n  directory: spool/edge\n")).Storage.Directory);
        Assert.Equal("/var/lib/edgeingest", ConfigLoader.Load(Write(Yaml + "storage:\n  directory: /var/lib/edgeingest\n")).Storage.Directory);
    }

    [Fact]
    public void Out_Of_Range_Budget_And_Heartbeat_Are_Reported_With_Field_Value_And_Expectation()
    {
        var yaml = Yaml.Replace("  host: broker.agency.example", "  host: broker.agency.example\n  heartbeat_seconds: 0", StringComparison.Ordinal)
            + "storage:\n  outbox_budget_mb: 0\n";

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(yaml)));

        Assert.Contains("storage.outbox_budget_mb: '0' — expected megabytes from 1 to 1048576", e.Message, StringComparison.Ordinal);
        Assert.Contains("broker.heartbeat_seconds: '0' — expected seconds from 1 to 3600", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Storage_Folder_That_Is_A_File_Is_Reported()
    {
        File.WriteAllText(Path.Combine(_dir, "taken"), "");

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(Yaml + "storage:\n  directory: taken\n")));

        Assert.Contains($"storage.directory: '{Path.Combine(_dir, "taken")}' — is a file", e.Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        TestAgency.WriteSignedHotlist(_dir, "plate,reason,priority\nABC123,Stolen,high\n");
        var path = Path.Combine(_dir, "config.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
