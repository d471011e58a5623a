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
public sealed class SegmentRecorder : IAsyncDisposable
{
    private const string SegmentExtension = ".ts";
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(1);

    private readonly CameraOptions _camera;
    private readonly ClipOptions _clips;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RestartBackoff _backoff;
    private readonly TimeSpan _stallTimeout;
    private readonly Lock _statusGate = new();
    private readonly CancellationTokenSource _stopping = new();

    private Task? _supervisor;
    private Task? _trimmer;
    private CameraState _state = CameraState.Stopped;
    private CameraFailure? _lastFailure;
    private long _restarts;
    private long _segmentsRecorded;
    private int _runs;
    private int _ffmpegProcessId;
    private int _stoppedLogged;

    public SegmentRecorder(CameraOptions camera, ClipOptions clips, ILogger logger, TimeProvider? timeProvider = null)
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
        Url = CameraUrl.Parse(camera.Id, camera.Url);
        _backoff = new RestartBackoff(
            TimeSpan.FromSeconds(camera.RestartDelayInitialSeconds), TimeSpan.FromSeconds(camera.RestartDelayMaxSeconds));
        // A segment is announced only when it closes, one segment length (or GOP) after it opened.
        _stallTimeout = TimeSpan.FromSeconds(camera.StallTimeoutSeconds + (2 * clips.SegmentSeconds));
        Ring = new SegmentRing(
            ClipPaths.SegmentDirectory(clips, camera.Id), TimeSpan.FromSeconds(clips.RingMaxSeconds), clips.RingMaxBytes, _time);
    }

    public string CameraId => _camera.Id;

    public CameraUrl Url { get; }

    public SegmentRing Ring { get; }

    /// <summary>The running recorder's pid, 0 when none (for tests that kill it or check nothing is left behind).</summary>
    internal int FfmpegProcessId => Volatile.Read(ref _ffmpegProcessId);

    public RecorderStatus GetStatus()
    {
        var segments = Ring.Snapshot();
        lock (_statusGate)
        {
            return new RecorderStatus(
                CameraId,
                _state,
                segments.Count,
                segments.Sum(segment => segment.Bytes),
                segments.Count > 0 ? segments[0].StartsAt : null,
                segments.Count > 0 ? segments[^1].EndsAt : null,
                Interlocked.Read(ref _segmentsRecorded),
                Interlocked.Read(ref _restarts),
                _lastFailure);
        }
    }

    /// <summary>Clears the camera's segment folder and starts recording in the background.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_supervisor is not null || _stopping.IsCancellationRequested)
        {
            throw new InvalidOperationException($"Recorder of camera '{CameraId}' was already started.");
        }

        // Segments left by an earlier process have no trustworthy times: start from nothing.
        Directory.CreateDirectory(Ring.Directory);
        foreach (var stale in Directory.EnumerateFiles(Ring.Directory, "*" + SegmentExtension))
        {
            File.Delete(stale);
        }

        ClipLog.Starting(_logger, CameraId, Url.Redacted, _clips.SegmentSeconds, Ring.Directory);
        SetState(CameraState.Connecting, failure: null);
        _supervisor = Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
        _trimmer = Task.Run(() => TrimPeriodicallyAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Asks ffmpeg to quit (it closes and announces the segment in progress), waits for it, and stops trimming.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        foreach (var task in new[] { _supervisor, _trimmer })
        {
            if (task is not null)
            {
                await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        SetState(CameraState.Stopped, failure: null);
        if (Interlocked.Exchange(ref _stoppedLogged, 1) == 0)
        {
            ClipLog.Stopped(_logger, CameraId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            SetState(CameraState.Connecting, failure: null);
            RunOutcome outcome;
            try
            {
                outcome = await RecordOnceAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // E.g. ffmpeg missing or the folder unwritable: a failure to retry, never a crashed service.
                var reason = Url.Redact(e.Message);
                ClipLog.Unexpected(_logger, CameraId, reason);
                outcome = new RunOutcome(new CameraFailure(CameraFailureCause.Other, reason), Recorded: false);
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            if (outcome.Recorded)
            {
                _backoff.Reset();
            }

            SetState(CameraState.Failed, outcome.Failure);
            ClipLog.Failed(_logger, CameraId, outcome.Failure.Cause, outcome.Failure.Message);
            var delay = _backoff.NextDelay();
            var restarts = Interlocked.Increment(ref _restarts);
            ClipLog.RestartScheduled(_logger, CameraId, (long)delay.TotalMilliseconds, restarts);
            try
            {
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<RunOutcome> RecordOnceAsync(CancellationToken stop)
    {
        // A run prefix keeps one run's files apart from the next one's (ffmpeg numbers from 0 each time).
        var runPrefix = $"r{Interlocked.Increment(ref _runs):D5}-";
        var pattern = Path.Combine(Ring.Directory, runPrefix + "%06d" + SegmentExtension);
        var tail = new StderrTail(Url);
        var timing = new SegmentTiming(_time.GetUtcNow());
        var recorded = false;
        try
        {
            using var forgetPid = new PidReset(this); // declared first: runs after ffmpeg is reaped
            await using var ffmpeg = ChildProcess.Start(
                _camera.FfmpegPath,
                FfmpegCommands.Record(Url, socketTimeout: TimeSpan.FromSeconds(_camera.StallTimeoutSeconds * 2), _clips.SegmentSeconds, pattern),
                line => ClipLog.FfmpegOutput(_logger, CameraId, tail.Add(line)));
            ClipLog.FfmpegStarted(_logger, CameraId, ffmpeg.Id);
            Volatile.Write(ref _ffmpegProcessId, ffmpeg.Id);

            using var stall = CancellationTokenSource.CreateLinkedTokenSource(stop);
            using var endRun = stall.Token.Register(() =>
            {
                // Asked to stop: q lets ffmpeg close and announce the segment in progress.
                if (stop.IsCancellationRequested)
                {
                    _ = ffmpeg.QuitAsync(QuitGrace);
                }
                else
                {
                    ffmpeg.Kill();
                }
            });
            stall.CancelAfter(_stallTimeout);

            using var segmentList = new StreamReader(ffmpeg.StandardOutput);
            while (await ReadLineUntilEndAsync(segmentList).ConfigureAwait(false) is { } line)
            {
                if (SegmentListLine.TryParse(line, out var closed) && TryAdd(closed.Value, timing))
                {
                    stall.CancelAfter(_stallTimeout);
                    if (!recorded)
                    {
                        recorded = true;
                        SetState(CameraState.Streaming, failure: null);
                        ClipLog.Recording(_logger, CameraId);
                    }
                }
            }

            stop.ThrowIfCancellationRequested();
            if (stall.IsCancellationRequested)
            {
                return new RunOutcome(
                    new CameraFailure(CameraFailureCause.Stalled, $"no segment from {Url} for {_stallTimeout.TotalSeconds:0.#} s"),
                    recorded);
            }

            var exited = await ffmpeg.WaitForExitAsync(ExitWait).ConfigureAwait(false);
            var code = exited ? $"exit code {ffmpeg.ExitCode}" : "still running";
            return new RunOutcome(tail.ToFailure($"the recorder's ffmpeg stopped on {Url} ({code})"), recorded);
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

    private async Task TrimPeriodicallyAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TrimInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                Ring.Trim();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void SetState(CameraState state, CameraFailure? failure)
    {
        lock (_statusGate)
        {
            _state = state;
            if (failure is not null)
            {
                _lastFailure = failure;
            }
        }
    }

    private readonly record struct RunOutcome(CameraFailure Failure, bool Recorded);

    /// <summary>Clears the pid once the run's ffmpeg has been disposed (stopped and reaped).</summary>
    private readonly struct PidReset(SegmentRecorder recorder) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref recorder._ffmpegProcessId, 0);
    }
}
