using EdgeIngest.Configuration;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Recordings;

public sealed class RecordingConfigTests : IDisposable
{
    private const string ValidYaml = """
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
        storage:
          directory: data
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("edgeingest-recording-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Recording_Is_On_For_72_Hours_And_20_GiB_Under_The_Storage_Folder_By_Default()
    {
        var recording = ConfigLoader.Load(Write(ValidYaml)).Recording;

        Assert.True(recording.Enabled);
        Assert.Equal(Path.Combine(_dir, "data", "recordings"), recording.Directory);
        Assert.Equal((72.0, 20.0), (recording.RetentionHours, recording.MaxGb));
    }

    [Fact]
    public void Every_Recording_Key_Is_Read_With_Decimals_And_A_Relative_Folder_Resolved_Against_The_File()
    {
        var recording = ConfigLoader.Load(Write(ValidYaml + "\nrecording:\n  enabled: false\n  directory: video\n  retention_hours: 24\n  max_gb: 2.5\n")).Recording;

        Assert.False(recording.Enabled);
        Assert.Equal(Path.Combine(_dir, "video"), recording.Directory);
        Assert.Equal((24.0, 2.5), (recording.RetentionHours, recording.MaxGb));
    }

    [Fact]
    public void The_Example_Configuration_Documents_The_Recording_Section()
    {
        var example = File.ReadAllText(Path.Combine(EdgeIngest.Installation.InstallLayout.Root, "deploy", "edgeingest.example.yaml"));

        var recording = ConfigLoader.Parse(example).Recording;

        Assert.True(recording.Enabled);
        Assert.Equal((72.0, 20.0), (recording.RetentionHours, recording.MaxGb));
    }

    [Theory]
    [InlineData("retention_hours: 0", "recording.retention_hours: '0' — expected hours from 1 to 8760")]
    [InlineData("retention_hours: 9000", "recording.retention_hours: '9000' — expected hours from 1 to 8760")]
    [InlineData("max_gb: 0", "recording.max_gb: '0' — expected GiB (all cameras together) from 0.01 to 100000")]
    [InlineData("max_gb: -3", "recording.max_gb: '-3' — expected GiB (all cameras together) from 0.01 to 100000")]
    public void A_Recording_Value_Out_Of_Range_Is_Named_With_Its_Value_And_The_File(string setting, string expected)
    {
        var path = Write(ValidYaml + $"\nrecording:\n  {setting}\n");

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Recording_Folder_That_Is_A_File_Or_A_Word_For_A_Number_Is_Named()
    {
        File.WriteAllText(Path.Combine(_dir, "taken"), "a file");

        var folder = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml + "\nrecording:\n  directory: taken\n")));
        var number = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml + "\nrecording:\n  max_gb: lots\n")));

        Assert.Contains($"recording.directory: '{Path.Combine(_dir, "taken")}' — expected a folder", folder.Message, StringComparison.Ordinal);
        Assert.Contains("line 15", number.Message, StringComparison.Ordinal); // max_gb's line
    }

    private string Write(string yaml)
    {
        TestAgency.WriteSignedHotlist(_dir, "plate,reason,priority\nABC123,Stolen,high\n");
        var path = Path.Combine(_dir, "config.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
