using System.Text.Json;
using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Pipeline;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;

namespace EdgeIngest.Tests.Clips;

/// <summary>
/// Start-up recovery of clips a crash interrupted, from real MPEG-TS segments (H.264, made by
/// ffmpeg the way the recorder makes them) left in a camera's folder, with their file times set
/// as a run that recorded them would have.
/// </summary>
public sealed class ClipPromiseRecoveryTests : IAsyncLifetime
{
    private const string CameraId = "gate";
    private const double SegmentSeconds = 2;
    private const int SegmentCount = 4;
    private readonly OutboxFolder _outboxFolder = new();
    private readonly string _root = Directory.CreateTempSubdirectory("edgeingest-recovery-").FullName;
    private readonly InMemoryLoggerProvider _logs = new();
    private SegmentRecorder? _recorder;
    private DurableOutbox? _outbox;

    /// <summary>When the last leftover segment ends (the crash).</summary>
    private DateTimeOffset _crashAt;

    private string RingFolder => Path.Combine(_root, "segments", CameraId);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(RingFolder);
        var result = await ProcessRunner.RunAsync(
            "ffmpeg",
            ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10", "-t", (SegmentSeconds * SegmentCount).ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-c:v", "libx264", "-preset", "ultrafast", "-g", "10", "-f", "segment", "-segment_time", "2", "-segment_format", "mpegts", "-reset_timestamps", "1",
             Path.Combine(RingFolder, "r00001-%06d.ts")],
            TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"ffmpeg could not make the test segments: {result.StandardError}");

        // As recorded live: each segment ends 2 s after the previous one, the last one 3 s ago.
        _crashAt = DateTimeOffset.UtcNow.AddSeconds(-3);
        var files = Directory.GetFiles(RingFolder, "*.ts").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(SegmentCount, files.Length);
        for (var i = 0; i < files.Length; i++)
        {
            File.SetLastWriteTimeUtc(files[i], _crashAt.AddSeconds(-SegmentSeconds * (files.Length - 1 - i)).UtcDateTime);
        }

        var clips = new ClipOptions { SegmentRoot = Path.Combine(_root, "segments"), ClipDirectory = Path.Combine(_root, "clips"), SegmentSeconds = SegmentSeconds };
        _recorder = new SegmentRecorder(new CameraOptions { Id = CameraId, Url = $"rtsp://127.0.0.1:{MosquittoBroker.FreeLoopbackPort()}/none" }, clips, _logs.CreateLogger("recorder"));
        _outbox = _outboxFolder.Open(chunkBytes: 64 * 1024);
    }

    [Fact]
    public void Leftover_Segments_Tile_Time_From_Their_File_Times_And_The_Oldest_Starts_One_Segment_Early()
    {
        var segments = LeftoverSegments.Read(RingFolder, SegmentSeconds);

        Assert.Equal(SegmentCount, segments.Count);
        Assert.Equal(_crashAt, segments[^1].EndsAt, TimeSpan.FromMilliseconds(5));
        Assert.Equal(segments[0].EndsAt - TimeSpan.FromSeconds(SegmentSeconds), segments[0].StartsAt);
        for (var i = 1; i < segments.Count; i++)
        {
            Assert.True(segments[i].StartsAt == segments[i - 1].EndsAt, $"segment {i} starts {segments[i].StartsAt:O}, the one before ends {segments[i - 1].EndsAt:O}");
        }
    }

    [Fact]
    public async Task A_Promise_Whose_Window_The_Leftovers_Cover_Is_Cut_Queued_And_Marked_Recovered_With_Its_Short_Post_Roll()
    {
        // The read was 2.5 s before the crash: its 5 s of pre-roll are on disk (8 s are), 7.5 of the 10 s of post-roll never were.
        var read = _crashAt.AddSeconds(-2.5);
        var promise = new ClipPromise("hit-covered", CameraId, read.AddSeconds(-5), read.AddSeconds(10), read);
        _outbox!.Enqueue(OutboxFolder.Hit(1) with { EventId = promise.EventId }, promise);

        var outcome = await Recovery().RecoverAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new ClipRecoveryOutcome(Recovered: 1, Dropped: 0, LeftOpen: 0), outcome);
        Assert.Empty(_outbox.OpenClipPromises());
        var sent = OutboxFolder.DrainAll(_outbox);
        var manifestMessage = Assert.Single(sent, m => m.Topic == OutboxFolder.Topics.ClipManifest(promise.EventId));
        var manifest = JsonSerializer.Deserialize(manifestMessage.Payload, EventJsonContext.Default.ClipManifestEvent)!;
        Assert.True(manifest.RecoveredAfterRestart, $"{manifest}");
        Assert.True(manifest.TruncatedPostRoll, $"{manifest}");
        Assert.False(manifest.TruncatedPreRoll, $"{manifest}");
        Assert.Equal(_crashAt, manifest.EndsAt, TimeSpan.FromMilliseconds(5));
        Assert.Contains("recovered_after_restart\":true", System.Text.Encoding.UTF8.GetString(manifestMessage.Payload), StringComparison.Ordinal);

        // The chunks make a clip that decodes, as long as the video left on disk.
        var mp4 = sent.Where(m => m.Topic.StartsWith(OutboxFolder.Topics.ClipChunk(promise.EventId, 0)[..^1], StringComparison.Ordinal)).SelectMany(m => m.Payload).ToArray();
        Assert.Equal(manifest.Bytes, mp4.Length);
        var assembled = Path.Combine(_root, "assembled.mp4");
        await File.WriteAllBytesAsync(assembled, mp4, TestContext.Current.CancellationToken);
        Assert.Equal("", await MediaFile.ErrorsAsync(assembled));
        Assert.InRange(await MediaFile.DurationSecondsAsync(assembled), (manifest.EndsAt - manifest.StartsAt).TotalSeconds - 1, (manifest.EndsAt - manifest.StartsAt).TotalSeconds + 1);
        Assert.Contains(_logs.Lines, line => line.EventId == 231 && line.Contains(promise.EventId));
    }

    [Fact]
    public async Task Promises_Whose_Video_Is_Gone_Or_Whose_Camera_Is_Gone_Are_Reported_Dropped_With_Their_Reasons()
    {
        // The post-roll of a read an hour ago: long out of any ring (as after a reboot cleared /dev/shm).
        var old = DateTimeOffset.UtcNow.AddHours(-1);
        var gone = new ClipPromise("hit-video-gone", CameraId, old.AddSeconds(-5), old.AddSeconds(10), old);
        var removed = new ClipPromise("hit-camera-removed", "removed-camera", _crashAt.AddSeconds(-5), _crashAt, _crashAt);
        _outbox!.Enqueue(OutboxFolder.Hit(1) with { EventId = gone.EventId }, gone);
        _outbox.Enqueue(OutboxFolder.Hit(2) with { EventId = removed.EventId }, removed);

        var outcome = await Recovery().RecoverAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new ClipRecoveryOutcome(Recovered: 0, Dropped: 2, LeftOpen: 0), outcome);
        Assert.Empty(_outbox.OpenClipPromises());
        var sent = OutboxFolder.DrainAll(_outbox);
        Assert.DoesNotContain(sent, m => m.Topic.Contains("/clips/", StringComparison.Ordinal));
        var drops = sent.Where(m => m.Topic == OutboxFolder.Topics.Drops).Select(m => JsonSerializer.Deserialize(m.Payload, EventJsonContext.Default.DropEvent)!).ToDictionary(d => d.EventId);
        Assert.Equal(ClipDropReason.ServiceStopped, drops[gone.EventId].ReasonCode);
        Assert.Contains("no longer covers the window", drops[gone.EventId].Reason, StringComparison.Ordinal);
        Assert.Equal(ClipDropReason.CameraGone, drops[removed.EventId].ReasonCode);
        Assert.Contains("removed-camera", drops[removed.EventId].Reason, StringComparison.Ordinal);
        Assert.Equal(2, _logs.Lines.Count(line => line.EventId == 232));
    }

    [Fact]
    public async Task Without_Open_Promises_Recovery_Does_Nothing_And_Leaves_The_Segments()
    {
        var outcome = await Recovery().RecoverAsync(TestContext.Current.CancellationToken);

        Assert.Equal(default, outcome);
        Assert.Empty(OutboxFolder.DrainAll(_outbox!));
        Assert.Equal(SegmentCount, Directory.GetFiles(RingFolder, "*.ts").Length);
    }

    public async ValueTask DisposeAsync()
    {
        _outbox?.Dispose();
        if (_recorder is not null)
        {
            await _recorder.DisposeAsync();
        }

        _outboxFolder.Dispose();
        _logs.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private ClipPromiseRecovery Recovery()
    {
        var options = new ClipOptions { SegmentRoot = Path.Combine(_root, "segments"), ClipDirectory = Path.Combine(_root, "clips"), SegmentSeconds = SegmentSeconds };
        var cutter = new ClipCutter([_recorder!], options, _logs.CreateLogger("cutter"));
        return new ClipPromiseRecovery(_outbox!, cutter, [_recorder!], SegmentSeconds, _logs.CreateLogger("recovery"));
    }
}
