using System.Globalization;
using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Recordings;
using EdgeIngest.Tests.Clips;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Recordings;

/// <summary>The real recorder (ffmpeg from the RTSP simulator) feeding the recording on disk.</summary>
public sealed class RecordedCameraTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>, IDisposable
{
    private readonly InMemoryLoggerProvider _logs = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeingest-recorded-").FullName;

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_Closed_Segment_Lands_On_Disk_With_Its_Ring_Span_And_Bytes_And_Gives_A_Still()
    {
        var recording = Open("rec-disk");
        await using var recorder = Recorder("rec-disk", "/cam1", recording);
        await recorder.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => recorder.GetStatus().Segments >= 4, TimeSpan.FromSeconds(40), () => $"{recorder.GetStatus()}");

        var ring = recorder.Ring.Snapshot();
        var onDisk = recording.Segments("rec-disk", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        foreach (var segment in ring)
        {
            var copy = Assert.Single(onDisk, s => s.StartsAt == Millis(segment.StartsAt));
            Assert.Equal(Millis(segment.EndsAt), copy.EndsAt);
            Assert.Equal(segment.Bytes, copy.Bytes);
            Assert.Equal(await File.ReadAllBytesAsync(segment.Path, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(copy.Path, TestContext.Current.CancellationToken));
            Assert.Equal("", await MediaFile.ErrorsAsync(copy.Path));
        }

        // Back to back: each segment starts where the one before ended.
        Assert.All(onDisk.Zip(onDisk.Skip(1)), pair => Assert.Equal(pair.First.EndsAt, pair.Second.StartsAt));

        var middle = onDisk[1].StartsAt + ((onDisk[1].EndsAt - onDisk[1].StartsAt) / 2);
        var jpeg = await recording.StillAsync("rec-disk", middle, TestContext.Current.CancellationToken);
        Assert.NotNull(jpeg);
        using var codec = new TurboJpegCodec();
        var info = codec.ReadInfo(jpeg);
        Assert.InRange(info.Width, 16, StillFrame.MaxWidth);
        Assert.Null(await recording.StillAsync("rec-disk", onDisk[0].StartsAt - TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken));
        Assert.Null(await recording.StillAsync("no-such-camera", middle, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Recorder_Killed_Mid_Segment_Loses_At_Most_That_Segment_And_A_Reopened_Index_Matches()
    {
        var recording = Open("rec-kill");
        await using var recorder = Recorder("rec-kill", "/cam2", recording);
        await recorder.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => recorder.GetStatus().Segments >= 2, TimeSpan.FromSeconds(40), () => $"{recorder.GetStatus()}");
        await Task.Delay(1000, TestContext.Current.CancellationToken); // mid-segment

        var closedBeforeKill = recorder.Ring.Snapshot();
        await ProcessRunner.RunCheckedAsync("kill", ["-KILL", recorder.FfmpegProcessId.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        var killedAt = DateTimeOffset.UtcNow;
        var before = recorder.GetStatus().SegmentsRecorded;
        await Eventually.HoldsAsync(
            () => recorder.GetStatus() is { Restarts: >= 1, State: CameraState.Streaming } status && status.SegmentsRecorded >= before + 2,
            TimeSpan.FromSeconds(40),
            () => $"{recorder.GetStatus()}");

        var onDisk = recording.Segments("rec-kill", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        // Everything ffmpeg closed before the kill is on disk (the segment being written is all it lost).
        Assert.All(closedBeforeKill, closed => Assert.Contains(onDisk, s => s.StartsAt == Millis(closed.StartsAt) && s.EndsAt == Millis(closed.EndsAt)));
        var lastBefore = onDisk.Last(s => s.EndsAt <= killedAt);
        var firstAfter = onDisk.First(s => s.StartsAt >= killedAt);
        Assert.Equal(Millis(closedBeforeKill[^1].EndsAt), lastBefore.EndsAt);
        // The gap is the segment being written plus the reconnect (restart delay, RTSP set-up, first GOP skipped).
        Assert.InRange((firstAfter.StartsAt - lastBefore.EndsAt).TotalSeconds, 0, 15);

        // A kill of the service mid-copy leaves a .part; the next start deletes it and finds the same segments.
        var partial = Path.Combine(Path.GetDirectoryName(onDisk[0].Path)!, "1765000000000-1765000002000.ts.part");
        await File.WriteAllBytesAsync(partial, new byte[188 * 10], TestContext.Current.CancellationToken);
        await recorder.StopAsync(TestContext.Current.CancellationToken);
        var stopped = recording.Segments("rec-kill", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var reopened = Open("rec-kill");
        Assert.Equal(stopped, reopened.Segments("rec-kill", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.False(File.Exists(partial), "the .part file was not deleted at start");
    }

    [Fact]
    public async Task The_Segment_A_Killed_Run_Left_In_The_Ring_Joins_The_Recording_At_The_Next_Start()
    {
        var recording = Open("rec-left");
        var options = new ClipOptions { SegmentRoot = Path.Combine(_folder, "ring") };
        await using (var recorder = Recorder("rec-left", "/cam1", recording, options))
        {
            await recorder.StartAsync(TestContext.Current.CancellationToken);
            await Eventually.HoldsAsync(() => recording.Segments("rec-left", DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count >= 2, TimeSpan.FromSeconds(40), () => $"{recorder.GetStatus()}");
            await recorder.StopAsync(TestContext.Current.CancellationToken);
        }

        // As if the service died while ffmpeg wrote one more segment: a newer file in the ring.
        var ringDirectory = ClipPaths.SegmentDirectory(options, "rec-left");
        var newest = recording.Segments("rec-left", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)[^1];
        var unannounced = Path.Combine(ringDirectory, "r00009-000000.ts");
        File.Copy(newest.Path, unannounced);
        File.SetLastWriteTimeUtc(unannounced, (newest.EndsAt + TimeSpan.FromSeconds(2)).UtcDateTime);

        var restarted = Open("rec-left");
        restarted.KeepLeftovers("rec-left", LeftoverSegments.Read(ringDirectory, options.SegmentSeconds));

        var after = restarted.Segments("rec-left", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal(newest.EndsAt, after[^1].StartsAt);
        Assert.Equal(Millis(newest.EndsAt + TimeSpan.FromSeconds(2)), after[^1].EndsAt);
        Assert.Equal(1, after.Count - recording.Segments("rec-left", DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count);
    }

    private FootageRecording Open(string camera) => FootageRecording.Open(
        Path.Combine(_folder, "recordings"), [camera], 1L << 30, () => TimeSpan.FromHours(72), _logs.CreateLogger("recording"));

    private SegmentRecorder Recorder(string id, string path, FootageRecording recording, ClipOptions? options = null) => new(
        RecordingCameraFixture.CameraOptionsFor(cameras.Simulator.UrlFor(path), id),
        options ?? new ClipOptions { SegmentRoot = Path.Combine(_folder, "ring") },
        _logs.CreateLogger("recorder"),
        sink: recording);

    /// <summary>The recording keeps times to the millisecond (its file names).</summary>
    private static DateTimeOffset Millis(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
