using EdgeIngest.Cameras;

namespace EdgeIngest.Tests.Cameras;

public sealed class CameraUrlTests
{
    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("not a url at all hunter2", "is not an absolute URL")]
    [InlineData("192.168.1.20:554/stream", "is not an absolute URL")]
    [InlineData("http://admin:hunter2@192.168.1.20/stream", "has scheme 'http'; only rtsp and rtsps are supported")]
    [InlineData("rtsp:///stream", "has no host")]
    public void Unusable_Url_Is_Rejected_With_Its_Own_Message_Naming_The_Camera(string text, string problem)
    {
        var error = Assert.Throws<CameraConfigurationException>(() => CameraUrl.Parse("gate-north", text));

        Assert.StartsWith("camera 'gate-north': url ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rtsp://admin:hunter2@192.168.1.20:8554/Streaming/101", "rtsp://admin:***@192.168.1.20:8554/Streaming/101")]
    [InlineData("rtsps://admin:hunter2@cam.local/live", "rtsps://admin:***@cam.local/live")]
    [InlineData("rtsp://192.168.1.20/live", "rtsp://192.168.1.20/live")]
    [InlineData("rtsp://viewer@192.168.1.20/live", "rtsp://viewer@192.168.1.20/live")]
    [InlineData("rtsp://192.168.1.20/live?channel=1&password=hunter2", "rtsp://192.168.1.20/live?channel=1&password=***")]
    public void Redacted_Url_Masks_Secrets_And_Keeps_User_Host_Port_And_Path(string text, string redacted)
    {
        var url = CameraUrl.Parse("cam", text);

        Assert.Equal(redacted, url.Redacted);
        Assert.Equal(redacted, url.ToString());
        Assert.Equal(text, url.WithCredentials);
    }

    [Fact]
    public void Redact_Scrubs_The_Password_From_Ffmpeg_Output_Raw_And_Percent_Decoded()
    {
        var url = CameraUrl.Parse("cam", "rtsp://admin:p%40ss:w0rd@10.0.0.5:554/live");

        var echoed = url.Redact("rtsp://admin:p%40ss:w0rd@10.0.0.5:554/live: Server returned 401 Unauthorized");
        var decoded = url.Redact("auth failed for admin with p@ss:w0rd");

        Assert.Equal("rtsp://admin:***@10.0.0.5:554/live: Server returned 401 Unauthorized", echoed);
        Assert.Equal("auth failed for admin with ***", decoded);
    }
}
