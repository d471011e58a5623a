using System.Globalization;
using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Clips;

public sealed class SegmentRecorderTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>, IDisposable
{
    private readonly InMemoryLoggerProvider _logs = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeingest-ring-").FullName;

    [Fact]
    public async Task Ring_Never_Holds_More_Than_Its_Bytes_Or_Older_Than_Its_Age_While_Recording()
    {
        var byAge = new ClipOptions { SegmentRoot = _folder, RingMaxSeconds = 5, RingMaxBytes = 64L * 1024 * 1024 };
        var bySize = new ClipOptions { SegmentRoot = _folder, RingMaxSeconds = 60, RingMaxBytes = 50_000 };
        await using var ageBounded = Recorder("ring-age", "/cam1", byAge);
        await using var sizeBounded = Recorder("ring-size", "/cam2", bySize);
        await ageBounded.StartAsync(TestContext.Current.CancellationToken);
        await sizeBounded.StartAsync(TestContext.Current.CancellationToken);

        // Watch the invariants on every tick until both bounds have evicted something (a loaded
        // machine may take a while to connect; the bound is patience, not a speed target).
        bool BothBoundsBit() =>
            ageBounded.GetStatus().SegmentsRecorded > ageBounded.GetStatus().Segments
            && sizeBounded.GetStatus().SegmentsRecorded > sizeBounded.GetStatus().Segments;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTimeOffset.UtcNow < deadline && !BothBoundsBit())
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            var now = DateTimeOffset.UtcNow;
            var oldestEnd = ageBounded.Ring.Snapshot().FirstOrDefault()?.EndsAt;
            // Trimmed on every new segment and every second: at most a second over.
            Assert.True(oldestEnd is null || oldestEnd >= now - TimeSpan.FromSeconds(byAge.RingMaxSeconds + 1.2), $"oldest segment ended {oldestEnd:O}, now {now:O}");
            Assert.InRange(sizeBounded.Ring.Bytes, 0, bySize.RingMaxBytes);
            // On disk: the ring's files plus the one segment being written.
            Assert.InRange(FolderBytes(sizeBounded.Ring.Directory), 0, bySize.RingMaxBytes + LargestSegment(sizeBounded));
        }

        // Both bounds actually bit: more was recorded than is held.
        Assert.True(ageBounded.GetStatus().SegmentsRecorded > ageBounded.GetStatus().Segments, $"{ageBounded.GetStatus()}");
        Assert.True(sizeBounded.GetStatus().SegmentsRecorded > sizeBounded.GetStatus().Segments, $"{sizeBounded.GetStatus()}");
        Assert.Equal(CameraState.Streaming, ageBounded.GetStatus().State);
    }

    [Fact]
    public async Task Recorder_Killed_With_Sigkill_Restarts_And_Leaves_No_Unreadable_Segment()
    {
        await using var recorder = Recorder("ring-kill", "/cam1", new ClipOptions { SegmentRoot = _folder });
        await recorder.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => recorder.GetStatus().Segments >= 2, TimeSpan.FromSeconds(20), () => $"{recorder.GetStatus()}");
        await Task.Delay(1000, TestContext.Current.CancellationToken); // mid-segment
        var killedPid = recorder.FfmpegProcessId;
        var killedRunFiles = Directory.GetFiles(recorder.Ring.Directory);

        await ProcessRunner.RunCheckedAsync("kill", ["-KILL", killedPid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        var before = recorder.GetStatus().SegmentsRecorded;
        await Eventually.HoldsAsync(
            () => recorder.GetStatus() is { Restarts: >= 1, State: CameraState.Streaming } status && status.SegmentsRecorded > before,
            TimeSpan.FromSeconds(20),
            () => $"{recorder.GetStatus()}");

        var ring = recorder.Ring.Snapshot();
        var inRing = ring.Select(segment => segment.Path).ToHashSet();
        // The killed run's unfinished segment was discarded, not left behind or added.
        Assert.All(killedRunFiles.Where(path => !inRing.Contains(path)), path => Assert.False(File.Exists(path), $"{path} left behind"));
        Assert.Contains(killedRunFiles, path => !inRing.Contains(path));
        foreach (var segment in ring)
        {
            Assert.Equal("", await MediaFile.ErrorsAsync(segment.Path));
        }

        Assert.All(ring.Zip(ring.Skip(1)), pair => Assert.True(pair.Second.StartsAt >= pair.First.EndsAt - TimeSpan.FromMilliseconds(1)));
        Assert.NotNull(recorder.GetStatus().LastFailure);
    }

    [Fact]
    public async Task Recorders_Of_A_Wrong_Path_And_A_Dead_Port_Fail_With_Their_Own_Causes_While_Another_Keeps_Recording()
    {
        var options = new ClipOptions { SegmentRoot = _folder };
        await using var healthy = Recorder("ring-healthy", "/cam2", options);
        await using var lost = Recorder("ring-lost", "/no-such-camera", options);
        await using var dead = new SegmentRecorder(
            RecordingCameraFixture.CameraOptionsFor($"rtsp://admin:topsecret@127.0.0.1:{MosquittoBroker.FreeLoopbackPort()}/cam", "ring-dead"),
            options,
            _logs.CreateFactory().CreateLogger("dead"));
        foreach (var recorder in new[] { healthy, lost, dead })
        {
            await recorder.StartAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.HoldsAsync(
            () => lost.GetStatus().LastFailure?.Cause == CameraFailureCause.StreamNotFound
                && dead.GetStatus().LastFailure?.Cause == CameraFailureCause.Unreachable
                && healthy.GetStatus().Segments >= 2,
            TimeSpan.FromSeconds(20),
            () => $"{lost.GetStatus()} / {dead.GetStatus()} / {healthy.GetStatus()}");
        Assert.Equal(CameraState.Streaming, healthy.GetStatus().State);
        Assert.Null(healthy.GetStatus().LastFailure);
        Assert.Contains("rtsp://admin:***@127.0.0.1:", dead.GetStatus().LastFailure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("topsecret"));
        Assert.Empty(Directory.GetFiles(dead.Ring.Directory));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SegmentRecorder Recorder(string id, string mount, ClipOptions options) =>
        new(RecordingCameraFixture.CameraOptionsFor(cameras.Simulator.UrlFor(mount), id), options, _logs.CreateFactory().CreateLogger(id));

    private static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles().Sum(file => file.Length) : 0;

    private static long LargestSegment(SegmentRecorder recorder) =>
        recorder.Ring.Snapshot().Select(segment => segment.Bytes).DefaultIfEmpty(100_000).Max() * 2;
}
