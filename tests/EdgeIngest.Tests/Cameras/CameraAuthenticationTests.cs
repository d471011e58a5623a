using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Tests.Clips;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

public sealed class CameraAuthenticationTests
{
    private const string User = "admin";
    private const string RightPassword = "R1ght-Pa55word";
    private const string WrongPassword = "Wr0ng-Pa55word";

    [Fact]
    public async Task Camera_With_The_Wrong_Password_Fails_As_Unauthorized_And_No_Log_Or_Error_Holds_Either_Password()
    {
        var logs = new InMemoryLoggerProvider();
        var demo = await DemoVideo.GetPathAsync();
        await using var simulator = await RtspCameraSimulator.StartAsync(
            new Dictionary<string, string> { ["/secure"] = demo }, User, RightPassword);
        await using var wrong = TestCameras.Create("wrong", simulator.UrlFor("/secure", User, WrongPassword), logs.CreateFactory());
        await using var right = TestCameras.Create("right", simulator.UrlFor("/secure", User, RightPassword), logs.CreateFactory());

        var segments = Directory.CreateTempSubdirectory("edgeingest-auth-").FullName;
        var clips = new ClipOptions { SegmentRoot = segments };
        await using var wrongRecorder = new SegmentRecorder(
            RecordingCameraFixture.CameraOptionsFor(simulator.UrlFor("/secure", User, WrongPassword), "wrong"), clips, logs.CreateFactory().CreateLogger("recorder.wrong"));
        await using var rightRecorder = new SegmentRecorder(
            RecordingCameraFixture.CameraOptionsFor(simulator.UrlFor("/secure", User, RightPassword), "right"), clips, logs.CreateFactory().CreateLogger("recorder.right"));

        await wrong.StartAsync(TestContext.Current.CancellationToken);
        await right.StartAsync(TestContext.Current.CancellationToken);
        await wrongRecorder.StartAsync(TestContext.Current.CancellationToken);
        await rightRecorder.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(
            () => wrong.GetStatus().LastFailure?.Cause == CameraFailureCause.Unauthorized
                && wrongRecorder.GetStatus().LastFailure?.Cause == CameraFailureCause.Unauthorized,
            TimeSpan.FromSeconds(10),
            () => $"status {wrong.GetStatus()} / {wrongRecorder.GetStatus()}");
        (await right.NextFrameAsync(TimeSpan.FromSeconds(20))).Release();
        await Eventually.HoldsAsync(() => rightRecorder.GetStatus().Segments >= 1, TimeSpan.FromSeconds(20), () => $"{rightRecorder.GetStatus()}");
        await wrong.StopAsync(TestContext.Current.CancellationToken);
        await right.StopAsync(TestContext.Current.CancellationToken);
        await wrongRecorder.StopAsync(TestContext.Current.CancellationToken);
        await rightRecorder.StopAsync(TestContext.Current.CancellationToken);
        var fileNames = string.Join("\n", Directory.GetFileSystemEntries(segments, "*", SearchOption.AllDirectories));
        Directory.Delete(segments, recursive: true);
        Assert.Contains(".ts", fileNames, StringComparison.Ordinal);

        // ffmpeg echoes the URL on its errors; those lines (debug level) were logged too.
        Assert.Contains(logs.Lines, line => line.EventId == 2008 && line.Contains("401"));
        Assert.Contains(logs.Lines, line => line.Contains($"rtsp://{User}:***@127.0.0.1:{simulator.Port}/secure"));
        foreach (var secret in new[] { WrongPassword, RightPassword })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret));
            Assert.DoesNotContain(secret, wrong.GetStatus().ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, right.GetStatus().ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, wrongRecorder.GetStatus().ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, fileNames, StringComparison.Ordinal);
        }
    }
}
