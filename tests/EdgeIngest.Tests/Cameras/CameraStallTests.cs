using EdgeIngest.Cameras;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

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

    [Fact]
    public async Task Stall_Watchdog_Runs_On_The_Camera_Clock_And_Kills_A_Frozen_Stream_Only_Once_The_Timeout_Has_Passed()
    {
        var logs = new InMemoryLoggerProvider();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var demo = await DemoVideo.GetPathAsync();
        await using var simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/hangs"] = demo });
        await using var camera = TestCameras.Create("hangs", simulator.UrlFor("/hangs"), logs.CreateFactory(), options =>
        {
            options.StallTimeoutSeconds = 60; // a minute of camera time, passed in milliseconds
            options.ProbeTimeoutSeconds = 20;
        }, clock);
        await camera.StartAsync(TestContext.Current.CancellationToken);
        (await camera.NextFrameAsync(TimeSpan.FromSeconds(20))).Release();
        var frozenPid = camera.FfmpegProcessId;

        await simulator.FreezeAsync();
        // Frames already on their way still arrive and re-arm the watchdog: let them drain first.
        long framesIn;
        do
        {
            framesIn = camera.GetStatus().FramesIn;
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
        while (camera.GetStatus().FramesIn != framesIn);

        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        Assert.True(camera.GetStatus().State == CameraState.Streaming, $"the watchdog fired before its 60 s had passed on the camera's clock: {camera.GetStatus()}");

        clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(
            () => camera.GetStatus().LastFailure?.Cause == CameraFailureCause.Stalled,
            TimeSpan.FromSeconds(10),
            () => $"status {camera.GetStatus()}");
        Assert.Contains("for 60 s", camera.GetStatus().LastFailure!.Message, StringComparison.Ordinal);
        await Eventually.HoldsAsync(
            () => !Directory.Exists($"/proc/{frozenPid}"), TimeSpan.FromSeconds(5), () => $"the frozen ffmpeg {frozenPid} was not killed and reaped");
        await simulator.ThawAsync();
    }
}
