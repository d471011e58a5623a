using EdgeIngest.Cameras;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

public sealed class CameraStallTests
{
    [Fact]
    public async Task Camera_Whose_Stream_Freezes_Is_Killed_After_The_Stall_Timeout_And_Recovers_When_It_Thaws()
    {
        var logs = new InMemoryLoggerProvider();
        var demo = await DemoVideo.GetPathAsync();
        await using var simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/hangs"] = demo });
        await using var camera = TestCameras.Create("hangs", simulator.UrlFor("/hangs"), logs.CreateFactory(), options =>
        {
            options.StallTimeoutSeconds = 2;
            options.ProbeTimeoutSeconds = 2;
        });
        await camera.StartAsync(TestContext.Current.CancellationToken);
        (await camera.NextFrameAsync(TimeSpan.FromSeconds(20))).Release();
        var stalledPid = camera.FfmpegProcessId;

        await simulator.FreezeAsync();
        await Eventually.HoldsAsync(
            () => camera.GetStatus().LastFailure?.Cause == CameraFailureCause.Stalled,
            TimeSpan.FromSeconds(10),
            () => $"status {camera.GetStatus()}");
        Assert.False(Directory.Exists($"/proc/{stalledPid}"), "the stalled ffmpeg was not killed and reaped");
        await simulator.ThawAsync();

        var framesBefore = camera.GetStatus().FramesIn;
        await Eventually.HoldsAsync(
            () => camera.GetStatus() is { State: CameraState.Streaming } status && status.FramesIn > framesBefore,
            TimeSpan.FromSeconds(20),
            () => $"status {camera.GetStatus()}");
        Assert.True(camera.GetStatus().Restarts >= 1);
    }
}
