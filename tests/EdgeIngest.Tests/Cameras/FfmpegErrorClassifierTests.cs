using EdgeIngest.Cameras;

namespace EdgeIngest.Tests.Cameras;

public sealed class FfmpegErrorClassifierTests
{
    // Lines as ffmpeg 5.1 prints them (captured against the simulator).
    [Theory]
    [InlineData("[tcp @ 0x55a7f0084600] Connection to tcp://127.0.0.1:18556?timeout=0 failed: Connection refused", CameraFailureCause.Unreachable)]
    [InlineData("rtsp://cam:***@10.1.1.1/x: No route to host", CameraFailureCause.Unreachable)]
    [InlineData("[tcp @ 0x1] Failed to resolve hostname nowhere.invalid: Name or service not known", CameraFailureCause.Unreachable)]
    [InlineData("[rtsp @ 0x558cf13509c0] method DESCRIBE failed: 401 Unauthorized", CameraFailureCause.Unauthorized)]
    [InlineData("rtsp://admin:***@127.0.0.1:18556/cam1: Server returned 401 Unauthorized (authorization failed)", CameraFailureCause.Unauthorized)]
    [InlineData("[rtsp @ 0x565237b35980] method DESCRIBE failed: 404 Not Found", CameraFailureCause.StreamNotFound)]
    [InlineData("Decoder (codec hevc) not found for input stream #0:0", CameraFailureCause.UnsupportedCodec)]
    [InlineData("Unsupported codec with id 0 for input stream 0", CameraFailureCause.UnsupportedCodec)]
    [InlineData("Failed to probe codec for input stream 0", CameraFailureCause.UnsupportedCodec)]
    [InlineData("[mp4 @ 0x1] Could not find tag for codec pcm_alaw in stream #0, codec not currently supported in container", CameraFailureCause.UnsupportedCodec)]
    public void Known_Ffmpeg_Error_Lines_Name_Their_Cause(string line, CameraFailureCause expected)
    {
        Assert.True(FfmpegErrorClassifier.TryClassify(line, out var cause));
        Assert.Equal(expected, cause);
    }

    [Fact]
    public void Unknown_Line_Has_No_Cause()
    {
        Assert.False(FfmpegErrorClassifier.TryClassify("[h264 @ 0x1] co located POCs unavailable", out var cause));
        Assert.Equal(CameraFailureCause.Other, cause);
    }
}
