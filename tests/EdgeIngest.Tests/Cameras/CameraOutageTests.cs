using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Tests.Clips;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

public sealed class CameraOutageTests : IDisposable
{
    private readonly InMemoryLoggerProvider _logs = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeingest-outage-").FullName;

    [Fact]
    public async Task Camera_Server_Killed_Mid_Stream_And_Back_Five_Seconds_Later_Resumes_Frames_And_Segments_With_The_Outage_On_Record()
    {
        var demo = await DemoVideo.GetPathAsync();
        await using var simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/gate"] = demo });
        await using var camera = TestCameras.Create("outage", simulator.UrlFor("/gate"), _logs.CreateFactory());
        await using var recorder = new SegmentRecorder(
            RecordingCameraFixture.CameraOptionsFor(simulator.UrlFor("/gate"), "outage"), new ClipOptions { SegmentRoot = _folder }, _logs.CreateFactory().CreateLogger("recorder"));
        await camera.StartAsync(TestContext.Current.CancellationToken);
        await recorder.StartAsync(TestContext.Current.CancellationToken);
        (await camera.NextFrameAsync(TimeSpan.FromSeconds(20))).Release();
        await Eventually.HoldsAsync(() => recorder.GetStatus().Segments >= 1, TimeSpan.FromSeconds(20), () => $"{recorder.GetStatus()}");

        await simulator.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.NotEqual(CameraState.Streaming, camera.GetStatus().State);
        Assert.NotNull(camera.GetStatus().LastFailure);
        Assert.True(camera.GetStatus().LastFrameAge > TimeSpan.FromSeconds(4), $"{camera.GetStatus()}");
        var segmentsBefore = recorder.GetStatus().SegmentsRecorded;
        await simulator.RestartAsync();

        var framesBefore = camera.GetStatus().FramesIn;
        await Eventually.HoldsAsync(
            () => camera.GetStatus() is { State: CameraState.Streaming } status && status.FramesIn > framesBefore + 10
                && recorder.GetStatus() is { State: CameraState.Streaming } recording && recording.SegmentsRecorded > segmentsBefore,
            TimeSpan.FromSeconds(20),
            () => $"{camera.GetStatus()} / {recorder.GetStatus()}");
        Assert.True(camera.GetStatus().Restarts > 0);
        Assert.True(recorder.GetStatus().Restarts > 0);
        Assert.NotNull(recorder.GetStatus().LastFailure);
        Assert.InRange(camera.GetStatus().LastFrameAge!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Stream_That_Turns_To_Garbage_Crashes_Nothing_And_Frames_And_Segments_Keep_Coming_Past_It()
    {
        // The demo video with 10 % of its bytes (about 4.8 s to 8.8 s into the loop) overwritten
        // with random bytes: the container still parses, the H.264 inside is garbage.
        var corrupt = Path.Combine(_folder, "corrupt.mp4");
        var bytes = await File.ReadAllBytesAsync(await DemoVideo.GetPathAsync(), TestContext.Current.CancellationToken);
        new Random(7).NextBytes(bytes.AsSpan((int)(bytes.Length * 0.12), (int)(bytes.Length * 0.10)));
        await File.WriteAllBytesAsync(corrupt, bytes, TestContext.Current.CancellationToken);
        await using var simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/bad"] = corrupt });
        await using var camera = TestCameras.Create("garbage", simulator.UrlFor("/bad"), _logs.CreateFactory());
        await using var recorder = new SegmentRecorder(
            RecordingCameraFixture.CameraOptionsFor(simulator.UrlFor("/bad"), "garbage"), new ClipOptions { SegmentRoot = _folder }, _logs.CreateFactory().CreateLogger("recorder"));
        await camera.StartAsync(TestContext.Current.CancellationToken);
        await recorder.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(
            () => _logs.Lines.Any(line => line.EventId == 2008 && line.Contains("error while decoding")),
            TimeSpan.FromSeconds(25),
            () => $"no decode error seen; {camera.GetStatus()}");
        var framesAtGarbage = camera.GetStatus().FramesIn;
        var segmentsAtGarbage = recorder.GetStatus().SegmentsRecorded;

        await Eventually.HoldsAsync(
            () => camera.GetStatus() is { State: CameraState.Streaming } status && status.FramesIn > framesAtGarbage + 30
                && recorder.GetStatus().SegmentsRecorded > segmentsAtGarbage + 2,
            TimeSpan.FromSeconds(20),
            () => $"{camera.GetStatus()} / {recorder.GetStatus()}");
        foreach (var segment in recorder.Ring.Snapshot())
        {
            // Garbage is recorded as it came (no re-encoding), but every segment is still a readable file.
            var probe = await ProcessRunner.RunAsync("ffprobe", ["-v", "error", "-show_format", segment.Path], TimeSpan.FromSeconds(10));
            Assert.Equal(0, probe.ExitCode);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
