using EdgeIngest.Configuration;
using EdgeIngest.Motion;

namespace EdgeIngest.Tests.Motion;

/// <summary>The zone and motion keys of a camera, as the owner writes them, and the errors a mistake gets.</summary>
public sealed class ZoneConfigTests
{
    private const string Camera = """
        cameras:
          - id: gate
            url: rtsp://10.0.0.5:554/stream1

        """;

    private static EdgeIngestConfig Parse(string cameraKeys) =>
        ConfigLoader.Parse(Camera + string.Join('\n', cameraKeys.Split('\n').Select(line => "    " + line)));

    /// <summary>The problems about the camera's zone and motion keys (the file has no broker or hotlist, which are not under test).</summary>
    private static List<string> ZoneProblems(string cameraKeys) =>
        [.. ConfigValidator.Validate(Parse(cameraKeys)).Where(p => p.StartsWith("cameras[0].zone", StringComparison.Ordinal) || p.StartsWith("cameras[0].motion", StringComparison.Ordinal))];

    [Fact]
    public void A_Camera_Without_Zone_Or_Motion_Keys_Watches_The_Whole_Frame_With_The_Defaults()
    {
        var camera = Parse("analysis_fps: 5").Cameras[0];

        Assert.Empty(ZoneProblems("analysis_fps: 5"));
        Assert.True(DetectionZone.From(camera.Zone).IsWholeFrame);
        Assert.True(camera.Motion.Enabled);
        Assert.Equal(12, camera.Motion.LumaThreshold);
        Assert.Equal(0.005, camera.Motion.ChangedFraction);
        Assert.Equal(2, camera.Motion.KeepAliveSeconds);
    }

    [Fact]
    public void A_Polygon_Zone_And_Motion_Settings_Are_Read_As_Written()
    {
        const string Keys = """
            zone:
              polygon: [[0, 0.45], [1, 0.45], [1, 1], [0, 1]]
            motion:
              enabled: false
              luma_threshold: 20
              changed_fraction: 0.01
              keep_alive_seconds: 5
            """;
        var camera = Parse(Keys).Cameras[0];
        var zone = DetectionZone.From(camera.Zone);

        Assert.Empty(ZoneProblems(Keys));
        Assert.Equal(4, zone.PointCount);
        Assert.True(zone.Contains(0.5, 0.8));
        Assert.False(zone.Contains(0.5, 0.2));
        Assert.False(camera.Motion.Enabled);
        Assert.Equal(20, camera.Motion.LumaThreshold);
        Assert.Equal(0.01, camera.Motion.ChangedFraction);
        Assert.Equal(5, camera.Motion.KeepAliveSeconds);
    }

    [Fact]
    public void A_Rectangle_Zone_Is_Read_With_Whole_Frame_Defaults_For_The_Keys_Left_Out()
    {
        const string Keys = "zone:\n  rectangle: { y: 0.4, height: 0.6 }";
        var zone = DetectionZone.From(Parse(Keys).Cameras[0].Zone);

        Assert.Empty(ZoneProblems(Keys));
        Assert.Equal(0.6, zone.Area, 9);
        Assert.True(zone.Contains(0.99, 0.5));
        Assert.False(zone.Contains(0.5, 0.3));
    }

    [Theory]
    [InlineData("zone:\n  polygon: [[0, 0.5], [1.2, 0.5], [1, 1]]", "cameras[0].zone.polygon[1]: camera 'gate': '[1.2, 0.5]' — expected [x, y], each from 0 to 1")]
    [InlineData("zone:\n  polygon: [[0, 0.5], [1, -0.1], [1, 1]]", "cameras[0].zone.polygon[1]: camera 'gate': '[1, -0.1]'")]
    [InlineData("zone:\n  polygon: [[0, 0.5], [1, 0.5, 0.2], [1, 1]]", "cameras[0].zone.polygon[1]: camera 'gate': '[1, 0.5, 0.2]' — expected [x, y]")]
    [InlineData("zone:\n  polygon: [[0, 0.5], [1, 1]]", "cameras[0].zone.polygon: camera 'gate': 2 point(s) — expected at least 3")]
    [InlineData("zone:\n  polygon: [[0, 0], [0.5, 0.5], [1, 1]]", "cameras[0].zone: camera 'gate': encloses 0 % of the frame — expected at least 0.1 %")]
    [InlineData("zone:\n  polygon: [[0, 0], [1, 1], [1, 0], [0, 1]]", "cameras[0].zone: camera 'gate': encloses 0 % of the frame")]
    [InlineData("zone:\n  rectangle: { x: 0.2, width: 0 }", "cameras[0].zone: camera 'gate': encloses 0 % of the frame")]
    [InlineData("zone:\n  rectangle: { x: 0.5, width: 0.7 }", "cameras[0].zone.rectangle: camera 'gate': x + width = 1.2 — expected at most 1")]
    [InlineData("zone:\n  rectangle: { y: 1.5 }", "cameras[0].zone.rectangle.y: camera 'gate': '1.5' — expected the top edge")]
    [InlineData("zone:\n  rectangle: {}\n  polygon: [[0, 0], [1, 0], [1, 1]]", "cameras[0].zone: camera 'gate': both polygon and rectangle")]
    [InlineData("zone: {}", "cameras[0].zone: camera 'gate': neither polygon nor rectangle")]
    [InlineData("motion:\n  luma_threshold: 0", "cameras[0].motion.luma_threshold: camera 'gate': '0' — expected grey levels from 1 to 254")]
    [InlineData("motion:\n  changed_fraction: 0", "cameras[0].motion.changed_fraction: camera 'gate': '0' — expected a fraction")]
    [InlineData("motion:\n  changed_fraction: 1.5", "cameras[0].motion.changed_fraction: camera 'gate': '1.5'")]
    [InlineData("motion:\n  keep_alive_seconds: 0", "cameras[0].motion.keep_alive_seconds: camera 'gate': '0' — expected seconds from 0.1 to 3600")]
    public void A_Bad_Zone_Or_Motion_Setting_Is_Reported_With_Camera_Key_And_Value(string keys, string expected)
    {
        var problems = ZoneProblems(keys);

        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Bad_Point_Is_Reported_At_Once()
    {
        var problems = ZoneProblems("zone:\n  polygon: [[-1, 0], [0.5, 2], [1, 1]]");

        Assert.Equal(2, problems.Count);
        Assert.Contains("polygon[0]", problems[0], StringComparison.Ordinal);
        Assert.Contains("polygon[1]", problems[1], StringComparison.Ordinal);
    }
}
