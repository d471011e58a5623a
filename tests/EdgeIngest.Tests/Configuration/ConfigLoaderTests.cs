using EdgeIngest.Configuration;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeingest-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        TestAgency.WriteSignedHotlist(_dir, "plate,reason,priority\nABC123,Stolen,high\n");
        var path = Path.Combine(_dir, "config.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private const string ValidYaml = """
        device:
          id: gate-01
        cameras:
          - id: entrance
            url: rtsp://viewer:s3cret@10.0.0.5:554/stream1
            analysis_fps: 8
        broker:
          host: broker.agency.example
          port: 8883
        hotlist:
          file: hotlist.signed.json
        agency:
          public_key_file: agency-public-key.pem
        """;

    [Fact]
    public void A_Valid_File_Loads_With_Defaults_And_Relative_Paths_Resolved()
    {
        var config = ConfigLoader.Load(Write(ValidYaml));

        Assert.Equal("gate-01", config.Device.Id);
        Assert.Equal(8, config.Cameras[0].AnalysisFps);
        Assert.Equal(Path.Combine(_dir, TestAgency.HotlistFile), config.Hotlist.File);
        Assert.Equal(Path.Combine(_dir, TestAgency.PublicKeyFile), config.Agency.PublicKeyFile);
        Assert.Null(config.Agreement.File);
        Assert.Equal(SharingPolicy.HitsOnly, config.Sharing.ParsedPolicy);
        Assert.Equal(960, config.Recognition.DetectorLongSide);
    }

    [Fact]
    public void A_Missing_File_Is_Named()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Path.Combine(_dir, "nope.yaml")));
        Assert.Contains("nope.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Unknown_Field_Is_Reported_With_Its_Line_And_Section()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml.Replace("analysis_fps: 8", "analysis_fps: 8\n    fps: 3", StringComparison.Ordinal))));
        Assert.Contains("unknown field 'fps'", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 7", e.Message, StringComparison.Ordinal);
        Assert.Contains("camera section", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Value_Of_The_Wrong_Type_Is_Reported_With_Its_Line()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml.Replace("port: 8883", "port: eighty", StringComparison.Ordinal))));
        Assert.Contains("line 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_Yaml_Is_Reported_With_Its_Line()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write("device:\n  id: [unclosed\n")));
        Assert.Contains("line", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id: gate-01", "id: 'gate/01'", "device.id: 'gate/01'")]
    [InlineData("url: rtsp://viewer:s3cret@10.0.0.5:554/stream1", "url: http://viewer:s3cret@10.0.0.5/stream1", "cameras[0].url: camera 'entrance': url has scheme 'http'")]
    [InlineData("url: rtsp://viewer:s3cret@10.0.0.5:554/stream1", "url: ''", "cameras[0].url: camera 'entrance': url is empty")]
    [InlineData("url: rtsp://viewer:s3cret@10.0.0.5:554/stream1", "url: 'not a url'", "is not an absolute URL")]
    [InlineData("analysis_fps: 8", "analysis_fps: 0", "cameras[0].analysis_fps: '0'")]
    [InlineData("host: broker.agency.example", "host: ''", "broker.host")]
    [InlineData("port: 8883", "port: 70000", "broker.port: '70000'")]
    [InlineData("file: hotlist.signed.json", "file: missing.json", "hotlist.file: '")]
    [InlineData("public_key_file: agency-public-key.pem", "public_key_file: missing.pem", "agency.public_key_file: '")]
    [InlineData("public_key_file: agency-public-key.pem", "public_key_file: ''", "agency.public_key_file: missing — expected the path of the agency's public key")]
    [InlineData("public_key_file: agency-public-key.pem", "public_key_file: hotlist.signed.json", "agency.public_key_file: ")]
    public void Each_Kind_Of_Mistake_Names_The_Field_And_Value(string good, string bad, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml.Replace(good, bad, StringComparison.Ordinal))));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Public_Key_File_That_Is_Not_A_Key_Is_Named_With_The_Field()
    {
        File.WriteAllText(Path.Combine(_dir, "not-a-key.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml.Replace("agency-public-key.pem", "not-a-key.pem", StringComparison.Ordinal))));

        Assert.Contains($"agency.public_key_file: {Path.Combine(_dir, "not-a-key.pem")}: not a PEM ECDSA public key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Configured_Agreement_File_Is_Resolved_And_Must_Exist()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml + "\nagreement:\n  file: agreement.json\n")));

        Assert.Contains($"agreement.file: '{Path.Combine(_dir, "agreement.json")}' — the file does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Unknown_Sharing_Policy_Lists_The_Allowed_Ones()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml + "\nsharing:\n  policy: everything\n")));
        Assert.Contains("sharing.policy: 'everything'", e.Message, StringComparison.Ordinal);
        Assert.Contains("hits_only", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tracking_Defaults_To_A_Short_Gap_And_Vote_Window_And_Reads_Both_Keys()
    {
        var defaults = ConfigLoader.Load(Write(ValidYaml)).Tracking;
        var set = ConfigLoader.Load(Write(ValidYaml + "\ntracking:\n  gap_seconds: 1.2\n  vote_window_seconds: 2.5\n")).Tracking;

        Assert.Equal((0.7, 1.5), (defaults.GapSeconds, defaults.VoteWindowSeconds));
        Assert.Equal((1.2, 2.5), (set.GapSeconds, set.VoteWindowSeconds));
    }

    [Theory]
    [InlineData("gap_seconds: 0", "tracking.gap_seconds: '0' — expected seconds from 0.1 to 10")]
    [InlineData("vote_window_seconds: 60", "tracking.vote_window_seconds: '60' — expected seconds from 0.1 to 10")]
    public void A_Tracking_Time_Out_Of_Range_Is_Named_With_Its_Value(string setting, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml + $"\ntracking:\n  {setting}\n")));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_Frames_And_Read_Newest_Frame_Have_Defaults_And_Are_Read()
    {
        var defaults = ConfigLoader.Load(Write(ValidYaml)).Recognition;
        var set = ConfigLoader.Load(Write(ValidYaml + "\nrecognition:\n  parallel_frames: 2\n  threads: 1\n  read_newest_frame: false\n")).Recognition;

        Assert.Equal((1, 2, true), (defaults.ParallelFrames, defaults.Threads, defaults.ReadNewestFrame));
        Assert.Equal((2, 1, false), (set.ParallelFrames, set.Threads, set.ReadNewestFrame));
    }

    [Theory]
    [InlineData("parallel_frames: 0", "recognition.parallel_frames: '0' — expected frames from 1 to 16")]
    [InlineData("parallel_frames: 17", "recognition.parallel_frames: '17' — expected frames from 1 to 16")]
    public void Parallel_Frames_Out_Of_Range_Is_Named_With_Its_Value(string setting, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml + $"\nrecognition:\n  {setting}\n")));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("finder: yolo", "recognition.finder: 'yolo' — expected 'text'")]
    [InlineData("region: mars", "recognition.region: 'mars' — 'mars' is not a known region; expected a region or a list of regions from: any, at, au, be, bg, br, ca, cz, de, dk, ee, es, fi, fr, gr, hr, hu, ie, in, it, lt, lv, nl, pl, pt, ro, se, sk, uk, us")]
    [InlineData("region: [br, mars]", "recognition.region: 'br, mars' — 'mars' is not a known region")]
    [InlineData("region: [us, any]", "recognition.region: 'us, any' — 'any' means no regional layouts and cannot be combined")]
    [InlineData("region: []", "recognition.region: '' — no region given; expected a region or a list of regions from: any, at, au")]
    public void An_Unknown_Finder_Or_Region_Is_Named_With_The_Allowed_Ones(string setting, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml + $"\nrecognition:\n  {setting}\n")));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognition_Reads_Finder_And_Region_With_Plate_And_Us_As_Defaults()
    {
        var defaults = ConfigLoader.Load(Write(ValidYaml)).Recognition;
        var set = ConfigLoader.Load(Write(ValidYaml + "\nrecognition:\n  finder: text\n  region: any\n")).Recognition;

        Assert.Equal(("plate", "us"), (defaults.Finder, defaults.Region.ToString()));
        Assert.Equal(("text", "any"), (set.Finder, set.Region.ToString()));
    }

    [Theory]
    [InlineData("region: [br, uk]")]
    [InlineData("region: br,uk")]
    [InlineData("region: ' BR , UK '")]
    [InlineData("region:\n    - br\n    - uk")]
    public void Region_Takes_A_List_Of_Regions_As_A_Yaml_List_Or_Comma_Separated(string setting)
    {
        var recognition = ConfigLoader.Load(Write(ValidYaml + $"\nrecognition:\n  {setting}\n")).Recognition;

        Assert.Equal(["br", "uk"], recognition.Region.Names);
    }

    [Fact]
    public void Every_Problem_Is_Listed_At_Once()
    {
        var yaml = ValidYaml.Replace("id: gate-01", "id: ''", StringComparison.Ordinal).Replace("port: 8883", "port: 0", StringComparison.Ordinal);
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(yaml)));
        Assert.Equal(2, e.Problems.Count);
    }

    [Fact]
    public void An_Advanced_Camera_Setting_Out_Of_Range_Is_Named_As_Written_In_The_File()
    {
        var yaml = ValidYaml.Replace("analysis_fps: 8", "analysis_fps: 8\n    frame_buffer_count: 2", StringComparison.Ordinal);
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(yaml)));
        Assert.Contains("cameras[0]: camera 'entrance': frame_buffer_count must exceed frame_queue_capacity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_Camera_Ids_Are_Rejected()
    {
        var yaml = ValidYaml.Replace("broker:", "  - id: entrance\n    url: rtsp://10.0.0.6/s\nbroker:", StringComparison.Ordinal);
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(yaml)));
        Assert.Contains("cameras[1].id: 'entrance' — already used", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Camera_Password_Never_Appears_In_A_Config_Error()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml.Replace("rtsp://", "rtp://", StringComparison.Ordinal))));
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
        Assert.Contains("scheme 'rtp'", e.Message, StringComparison.Ordinal);
    }
}
