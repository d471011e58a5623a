using EdgeIngest.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Cameras;

/// <summary>
/// Keeps one camera's ffmpeg of some kind (<see cref="ISupervisedFfmpeg"/>) running: runs an
/// attempt, reports why it ended, restarts it after an exponential backoff with jitter, and
/// tracks the state, the last failure, the restarts and the running pid. A failing camera is
/// retried for ever; the service never crashes for it.
/// </summary>
internal sealed class FfmpegSupervisor : BackgroundLoop
{
    private readonly ISupervisedFfmpeg _process;
    private readonly string _ffmpegPath;
    private readonly TimeProvider _time;
    private readonly RestartBackoff _backoff;
    private readonly Lock _statusGate = new();

    private int _startRequested;
    private CameraState _state = CameraState.Stopped;
    private CameraFailure? _lastFailure;
    private long _restarts;
    private int _processId;
    private int _stoppedLogged;

    /// <param name="stallTimeout">How long an attempt may go without output before its ffmpeg is killed.</param>
    /// <param name="quitGrace">How long ffmpeg gets to quit when stopping before it is killed.</param>
    public FfmpegSupervisor(
        string name, ISupervisedFfmpeg process, CameraOptions camera, TimeSpan stallTimeout, TimeSpan quitGrace, TimeProvider time, ILogger logger)
        : base(name, logger)
    {
        _process = process;
        _ffmpegPath = camera.FfmpegPath;
        _time = time;
        Url = CameraUrl.Parse(camera.Id, camera.Url);
        _backoff = new RestartBackoff(
            TimeSpan.FromSeconds(camera.RestartDelayInitialSeconds), TimeSpan.FromSeconds(camera.RestartDelayMaxSeconds));
        StallTimeout = stallTimeout;
        QuitGrace = quitGrace;

        // A stop asks ffmpeg to quit and kills it after the grace; the margin covers the reaping.
        StopTimeout = quitGrace + TimeSpan.FromSeconds(5);
    }

    public CameraUrl Url { get; }

    /// <summary>The clock of the restart backoff and of each run's stall watchdog.</summary>
    public TimeProvider Time => _time;

    public TimeSpan StallTimeout { get; }

    public TimeSpan QuitGrace { get; }


    public CameraState State
    {
        get
        {
            lock (_statusGate)
            {
                return _state;
            }
        }
    }

    public long Restarts => Interlocked.Read(ref _restarts);

    /// <summary>The running ffmpeg's pid, 0 when none.</summary>
    public int ProcessId => Volatile.Read(ref _processId);

    /// <summary>The state and the last failure, taken together.</summary>
    public (CameraState State, CameraFailure? LastFailure) Snapshot()
    {
        lock (_statusGate)
        {
            return (_state, _lastFailure);
        }
    }

    /// <summary>A supervisor runs once: throws if it was started or stopped before.</summary>
    /// <param name="subject">Who was started, for the message ("Camera 'gate-1'").</param>
    public void ThrowIfStarted(string subject)
    {
        if (Volatile.Read(ref _startRequested) != 0)
        {
            throw new InvalidOperationException($"{subject} was already started.");
        }
    }

    /// <summary>Starts supervising in the background; call <see cref="ThrowIfStarted"/> first.</summary>
    public void StartSupervising()
    {
        Volatile.Write(ref _startRequested, 1);
        SetState(CameraState.Connecting, failure: null);
        Start();
    }


    /// <summary>Reports the stop, once however often the owner is stopped.</summary>
    public void MarkStopped()
    {
        SetState(CameraState.Stopped, failure: null);
        if (Interlocked.Exchange(ref _stoppedLogged, 1) == 0)
        {
            _process.LogStopped();
        }
    }

    /// <summary>The attempt delivered its first output.</summary>
    public void MarkStreaming() => SetState(CameraState.Streaming, failure: null);

    /// <summary>
    /// Starts an attempt's ffmpeg under the stall watchdog, its camera input on stdin (never in
    /// its arguments, see <see cref="CameraInputScript"/>); dispose the run to stop and reap it.
    /// </summary>
    public FfmpegRun StartFfmpeg(IEnumerable<string> arguments, TimeSpan socketTimeout, CancellationToken stop)
    {
        var tail = new StderrTail(Url);
        var ffmpeg = ChildProcess.Start(
            _ffmpegPath, arguments, line => _process.LogFfmpegOutput(tail.Add(line)), CameraInputScript.For(Url, socketTimeout));
        var run = new FfmpegRun(this, ffmpeg, tail, stop);
        _process.LogFfmpegStarted(ffmpeg.Id);
        TrackProcess(ffmpeg.Id);
        return run;
    }

    /// <summary>Records the running ffmpeg's pid (0: none); <see cref="FfmpegRun"/> clears it once ffmpeg is reaped.</summary>
    public void TrackProcess(int processId) => Volatile.Write(ref _processId, processId);


    protected override async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            SetState(CameraState.Connecting, failure: null);
            FfmpegRunOutcome outcome;
            try
            {
                outcome = await _process.RunOnceAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // E.g. ffmpeg missing or a folder unwritable: still a failure to retry, never a crashed service.
                var reason = Url.Redact(e.Message);
                _process.LogUnexpected(reason);
                outcome = new FfmpegRunOutcome(new CameraFailure(CameraFailureCause.Other, reason), Streamed: false);
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            if (outcome.Streamed)
            {
                _backoff.Reset();
            }

            SetState(CameraState.Failed, outcome.Failure);
            _process.LogFailed(outcome.Failure);
            var delay = _backoff.NextDelay();
            var restarts = Interlocked.Increment(ref _restarts);
            _process.LogRestartScheduled((long)delay.TotalMilliseconds, restarts);
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
}
