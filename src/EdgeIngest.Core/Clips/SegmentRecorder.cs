using EdgeIngest.Cameras;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Clips;

/// <summary>
/// One camera's second supervised ffmpeg: records the RTSP stream as it is (no re-encoding) into
/// short MPEG-TS segments in a bounded <see cref="SegmentRing"/>, from which clips are cut. Same
/// discipline as <see cref="CameraIngest"/>: restarts with backoff and jitter, a stall watchdog,
/// failure causes, redacted URLs. Each segment's wall-clock span comes from ffmpeg's segment list
/// (its duration) and the file's last write (its end: a segment is closed, and its file last
/// written, when the keyframe that starts the next one arrives).
/// </summary>
public sealed class SegmentRecorder : IAsyncDisposable, ISupervisedFfmpeg
{
    private const string SegmentExtension = ".ts";
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(3);

    private readonly CameraOptions _camera;
    private readonly ClipOptions _clips;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FfmpegSupervisor _supervisor;
    private readonly SegmentTrimmer _trimmer;
    private readonly IClosedSegmentSink? _sink;

    private long _segmentsRecorded;
    private int _runs;

    /// <param name="sink">Also gets each closed segment, before it enters the ring (the continuous recording on disk); null: the ring alone.</param>
    public SegmentRecorder(CameraOptions camera, ClipOptions clips, ILogger logger, TimeProvider? timeProvider = null, IClosedSegmentSink? sink = null)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(logger);
        CameraOptionsValidator.Validate(camera);
        ClipOptionsValidator.Validate(clips);

        _camera = camera;
        _clips = clips;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _sink = sink;
        // A segment is announced only when it closes, one segment length (or GOP) after it opened.
        var stallTimeout = TimeSpan.FromSeconds(camera.StallTimeoutSeconds + (2 * clips.SegmentSeconds));
        _supervisor = new FfmpegSupervisor($"recorder supervisor of camera '{camera.Id}'", this, camera, stallTimeout, QuitGrace, _time, logger);
        Ring = new SegmentRing(
            ClipPaths.SegmentDirectory(clips, camera.Id), TimeSpan.FromSeconds(clips.RingMaxSeconds), clips.RingMaxBytes, _time);
        _trimmer = new SegmentTrimmer(camera.Id, Ring, logger, _time);
    }

    public string CameraId => _camera.Id;

    public CameraUrl Url => _supervisor.Url;

    public SegmentRing Ring { get; }

    /// <summary>The running recorder's pid, 0 when none (for tests that kill it or check nothing is left behind).</summary>
    internal int FfmpegProcessId => _supervisor.ProcessId;

    public RecorderStatus GetStatus()
    {
        var segments = Ring.Snapshot();
        var (state, lastFailure) = _supervisor.Snapshot();
        return new RecorderStatus(
            CameraId,
            state,
            segments.Count,
            segments.Sum(segment => segment.Bytes),
            segments.Count > 0 ? segments[0].StartsAt : null,
            segments.Count > 0 ? segments[^1].EndsAt : null,
            Interlocked.Read(ref _segmentsRecorded),
            _supervisor.Restarts,
            lastFailure);
    }

    /// <summary>Clears the camera's segment folder and starts recording in the background.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _supervisor.ThrowIfStarted($"Recorder of camera '{CameraId}'");

        // Segments left by an earlier process have no trustworthy times: start from nothing, and
        // first stop an ffmpeg that process may have left recording here (see StaleRecorder).
        Directory.CreateDirectory(Ring.Directory);
        if (StaleRecorder.StopLeftBehind(Ring.Directory) is { } stalePid)
        {
            ClipLog.StaleRecorderStopped(_logger, CameraId, stalePid);
        }

        foreach (var stale in Directory.EnumerateFiles(Ring.Directory, "*" + SegmentExtension))
        {
            File.Delete(stale);
        }

        ClipLog.Starting(_logger, CameraId, Url.Redacted, _clips.SegmentSeconds, Ring.Directory);
        _supervisor.StartSupervising();
        _trimmer.Start();
        return Task.CompletedTask;
    }

    /// <summary>Asks ffmpeg to quit (it closes and announces the segment in progress), waits for it, and stops trimming.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _supervisor.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        StaleRecorder.Forget(Ring.Directory);
        await _trimmer.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

        _supervisor.MarkStopped();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _trimmer.DisposeAsync().ConfigureAwait(false);
        await _supervisor.DisposeAsync().ConfigureAwait(false);
    }

    Task<FfmpegRunOutcome> ISupervisedFfmpeg.RunOnceAsync(CancellationToken stop) => RecordOnceAsync(stop);

    void ISupervisedFfmpeg.LogFfmpegStarted(int pid)
    {
        StaleRecorder.Remember(Ring.Directory, pid);
        ClipLog.FfmpegStarted(_logger, CameraId, pid);
    }

    void ISupervisedFfmpeg.LogFfmpegOutput(string redactedLine) => ClipLog.FfmpegOutput(_logger, CameraId, redactedLine);

    void ISupervisedFfmpeg.LogFailed(CameraFailure failure) => ClipLog.Failed(_logger, CameraId, failure.Cause, failure.Message);

    void ISupervisedFfmpeg.LogUnexpected(string reason) => ClipLog.Unexpected(_logger, CameraId, reason);

    void ISupervisedFfmpeg.LogRestartScheduled(long delayMs, long restarts) => ClipLog.RestartScheduled(_logger, CameraId, delayMs, restarts);

    void ISupervisedFfmpeg.LogStopped() => ClipLog.Stopped(_logger, CameraId);

    private async Task<FfmpegRunOutcome> RecordOnceAsync(CancellationToken stop)
    {
        // A run prefix keeps one run's files apart from the next one's (ffmpeg numbers from 0 each time).
        var runPrefix = $"r{Interlocked.Increment(ref _runs):D5}-";
        var pattern = Path.Combine(Ring.Directory, runPrefix + "%06d" + SegmentExtension);
        var timing = new SegmentTiming(_time.GetUtcNow());
        var recorded = false;
        try
        {
            await using var run = _supervisor.StartFfmpeg(
                FfmpegCommands.Record(_clips.SegmentSeconds, pattern),
                socketTimeout: TimeSpan.FromSeconds(_camera.StallTimeoutSeconds * 2),
                stop);

            using var segmentList = new StreamReader(run.StandardOutput);
            while (await ReadLineUntilEndAsync(segmentList).ConfigureAwait(false) is { } line)
            {
                if (SegmentListLine.TryParse(line, out var closed) && TryAdd(closed.Value, timing))
                {
                    run.KeepAlive();
                    if (!recorded)
                    {
                        recorded = true;
                        _supervisor.MarkStreaming();
                        ClipLog.Recording(_logger, CameraId);
                    }
                }
            }

            var failure = await run.FailureAsync("segment", code => $"the recorder's ffmpeg stopped on {Url} ({code})").ConfigureAwait(false);
            return new FfmpegRunOutcome(failure, recorded);
        }
        finally
        {
            DiscardUnfinished(runPrefix);
        }
    }

    /// <summary>Turns a segment-list line into a ring entry; false for a file that is missing or empty.</summary>
    private bool TryAdd(SegmentListLine closed, SegmentTiming timing)
    {
        var path = Path.Combine(Ring.Directory, Path.GetFileName(closed.FileName));
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return false;
        }

        var endsAt = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        var startsAt = timing.StartOfNext(endsAt, closed.Duration);
        var segment = new Segment(path, startsAt, endsAt, file.Length);

        // Before the ring: a ring trim can never delete the file before the disk has its copy.
        _sink?.Keep(CameraId, segment);
        Ring.Add(segment);
        Interlocked.Increment(ref _segmentsRecorded);
        ClipLog.SegmentClosed(_logger, CameraId, file.Name, startsAt, endsAt, file.Length);
        return true;
    }

    /// <summary>
    /// Deletes the run's files that never made it into the ring: the segment ffmpeg was writing
    /// when it was killed or crashed has no trustworthy end and may be empty (never flushed), so
    /// only closed, announced segments are ever cut from.
    /// </summary>
    private void DiscardUnfinished(string runPrefix)
    {
        var discarded = 0;
        try
        {
            foreach (var path in Directory.EnumerateFiles(Ring.Directory, runPrefix + "*" + SegmentExtension))
            {
                if (!Ring.Contains(path))
                {
                    File.Delete(path);
                    discarded++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ClipLog.Unexpected(_logger, CameraId, e.Message);
        }

        if (discarded > 0)
        {
            ClipLog.DiscardedUnfinished(_logger, CameraId, discarded);
        }
    }

    private static async Task<string?> ReadLineUntilEndAsync(StreamReader reader)
    {
        try
        {
            return await reader.ReadLineAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return null; // ffmpeg went away mid-line
        }
    }
}
