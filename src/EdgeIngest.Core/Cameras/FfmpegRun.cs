namespace EdgeIngest.Cameras;

/// <summary>
/// One attempt's ffmpeg under the stall watchdog: killed when no output arrives within the stall
/// timeout, asked to quit when the supervisor stops. Disposing stops and reaps it, then clears the
/// supervisor's pid, so a pid of 0 means nothing is left behind.
/// </summary>
internal sealed class FfmpegRun : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(2);

    private readonly FfmpegSupervisor _supervisor;
    private readonly ChildProcess _ffmpeg;
    private readonly StderrTail _tail;
    private readonly CancellationToken _stop;
    private readonly CancellationTokenSource _stall;
    private readonly CancellationTokenRegistration _endRun;
    private readonly CancellationTokenRegistration _stopRun;

    public FfmpegRun(FfmpegSupervisor supervisor, ChildProcess ffmpeg, StderrTail tail, CancellationToken stop)
    {
        _supervisor = supervisor;
        _ffmpeg = ffmpeg;
        _tail = tail;
        _stop = stop;
        // The watchdog runs on the supervisor's clock (a test moves it on instead of sleeping);
        // a stop ends the run at once, whatever the clock says.
        _stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, supervisor.Time);
        _stopRun = stop.Register(static state => ((CancellationTokenSource)state!).Cancel(), _stall);
        // The reader blocks reading ffmpeg's output; ending ffmpeg is what ends the read (EOF).
        _endRun = _stall.Token.Register(EndFfmpeg);
        _stall.CancelAfter(supervisor.StallTimeout);
    }

    public Stream StandardOutput => _ffmpeg.StandardOutput;

    /// <summary>Output arrived: re-arms the stall watchdog. Allocates nothing (called once per frame).</summary>
    public void KeepAlive() => _stall.CancelAfter(_supervisor.StallTimeout);

    /// <summary>
    /// Why the run ended once its output has ended: a stall, or what ffmpeg said before it exited.
    /// Throws <see cref="OperationCanceledException"/> when the supervisor is stopping.
    /// </summary>
    /// <param name="awaited">What the watchdog waits for ("frame", "segment"), for the stall message.</param>
    /// <param name="stopped">The message when ffmpeg ended by itself and said nothing, given how it ended.</param>
    public async Task<CameraFailure> FailureAsync(string awaited, Func<string, string> stopped)
    {
        _stop.ThrowIfCancellationRequested();
        if (_stall.IsCancellationRequested)
        {
            return new CameraFailure(
                CameraFailureCause.Stalled, $"no {awaited} from {_supervisor.Url} for {_supervisor.StallTimeout.TotalSeconds:0.#} s");
        }

        var exited = await _ffmpeg.WaitForExitAsync(ExitWait).ConfigureAwait(false);
        if (exited && _ffmpeg.ExitCode == 0 && !_tail.HasRecognisedCause)
        {
            // ffmpeg reached the end of the input: the camera closed the stream (restart, power,
            // dropped session). Not "Other": nothing failed here, the camera went away.
            return new CameraFailure(CameraFailureCause.StreamEnded, $"the stream from {_supervisor.Url} ended (the camera closed it; ffmpeg exit code 0)");
        }

        return _tail.ToFailure(stopped(exited ? $"exit code {_ffmpeg.ExitCode}" : "still running"));
    }

    public async ValueTask DisposeAsync()
    {
        _stopRun.Dispose();
        _endRun.Dispose();
        _stall.Dispose();
        await _ffmpeg.DisposeAsync().ConfigureAwait(false);
        _supervisor.TrackProcess(0); // only now: ffmpeg has been stopped and reaped
    }

    private void EndFfmpeg()
    {
        // Asked to stop: q lets ffmpeg finish cleanly (the recorder closes and announces the
        // segment in progress). Stalled: a hung ffmpeg will not answer q.
        if (_stop.IsCancellationRequested)
        {
            _ = _ffmpeg.QuitAsync(_supervisor.QuitGrace);
        }
        else
        {
            _ffmpeg.Kill();
        }
    }
}
