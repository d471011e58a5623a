namespace EdgeIngest.Cameras;

/// <summary>
/// Keeps one camera's ffmpeg of some kind (<see cref="ISupervisedFfmpeg"/>) running: runs an
/// attempt, reports why it ended, restarts it after an exponential backoff with jitter, and
/// tracks the state, the last failure, the restarts and the running pid. A failing camera is
/// retried for ever; the service never crashes for it.
/// </summary>
internal sealed class FfmpegSupervisor : IDisposable
{
    private readonly ISupervisedFfmpeg _process;
    private readonly string _ffmpegPath;
    private readonly TimeProvider _time;
    private readonly RestartBackoff _backoff;
    private readonly Lock _statusGate = new();
    private readonly CancellationTokenSource _stopping = new();

    private Task? _loop;
    private CameraState _state = CameraState.Stopped;
    private CameraFailure? _lastFailure;
    private long _restarts;
    private int _processId;
    private int _stoppedLogged;

    /// <param name="stallTimeout">How long an attempt may go without output before its ffmpeg is killed.</param>
    /// <param name="quitGrace">How long ffmpeg gets to quit when stopping before it is killed.</param>
    public FfmpegSupervisor(ISupervisedFfmpeg process, CameraOptions camera, TimeSpan stallTimeout, TimeSpan quitGrace, TimeProvider time)
    {
        _process = process;
        _ffmpegPath = camera.FfmpegPath;
        _time = time;
        Url = CameraUrl.Parse(camera.Id, camera.Url);
        _backoff = new RestartBackoff(
            TimeSpan.FromSeconds(camera.RestartDelayInitialSeconds), TimeSpan.FromSeconds(camera.RestartDelayMaxSeconds));
        StallTimeout = stallTimeout;
        QuitGrace = quitGrace;
    }

    public CameraUrl Url { get; }

    public TimeSpan StallTimeout { get; }

    public TimeSpan QuitGrace { get; }

    /// <summary>Cancelled once stopping begins; for work that lives as long as the supervision.</summary>
    public CancellationToken Stopping => _stopping.Token;

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
        if (_loop is not null || _stopping.IsCancellationRequested)
        {
            throw new InvalidOperationException($"{subject} was already started.");
        }
    }

    /// <summary>Starts supervising in the background; call <see cref="ThrowIfStarted"/> first.</summary>
    public void Start()
    {
        SetState(CameraState.Connecting, failure: null);
        _loop = Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops the current attempt (its ffmpeg is asked to quit) and waits for the supervision to end.</summary>
    public async Task StopLoopAsync(CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
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

    /// <summary>Starts an attempt's ffmpeg under the stall watchdog; dispose the run to stop and reap it.</summary>
    public FfmpegRun StartFfmpeg(IEnumerable<string> arguments, CancellationToken stop)
    {
        var tail = new StderrTail(Url);
        var ffmpeg = ChildProcess.Start(_ffmpegPath, arguments, line => _process.LogFfmpegOutput(tail.Add(line)));
        var run = new FfmpegRun(this, ffmpeg, tail, stop);
        _process.LogFfmpegStarted(ffmpeg.Id);
        TrackProcess(ffmpeg.Id);
        return run;
    }

    /// <summary>Records the running ffmpeg's pid (0: none); <see cref="FfmpegRun"/> clears it once ffmpeg is reaped.</summary>
    public void TrackProcess(int processId) => Volatile.Write(ref _processId, processId);

    public void Dispose() => _stopping.Dispose();

    private async Task SuperviseAsync(CancellationToken stop)
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
