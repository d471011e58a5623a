using System.Threading.Channels;
using EdgeIngest.Frames;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Cameras;

/// <summary>
/// One camera's supervised ffmpeg: probe the resolution, size the frame pool from it, decode to
/// BGR at the analysis rate, read each frame straight from the pipe into a pooled buffer and
/// hand it to <see cref="Frames"/>. A failed, exited or stalled ffmpeg is restarted with
/// exponential backoff; the service never is. The consumer must <see cref="FrameBuffer.Release"/>
/// every frame it reads.
/// </summary>
public sealed class CameraIngest : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(2);

    private readonly CameraOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FrameQueue _queue;
    private readonly RestartBackoff _backoff;
    private readonly TimeSpan _stallTimeout;
    private readonly Lock _statusGate = new();
    private readonly CancellationTokenSource _stopping = new();

    private Task? _supervisor;
    private FramePool? _pool;
    private byte[] _discard = [];
    private CameraState _state = CameraState.Stopped;
    private CameraFailure? _lastFailure;
    private VideoSize? _frameSize;
    private long _framesIn;
    private long _droppedNoBuffer;
    private long _restarts;
    private long _sequence;
    private long _lastFrameTicks;
    private long _readerAllocatedBytes;
    private int _ffmpegProcessId;
    private int _stoppedLogged;

    public CameraIngest(CameraOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        CameraOptionsValidator.Validate(options);

        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        Url = CameraUrl.Parse(options.Id, options.Url);
        _queue = new FrameQueue(options.FrameQueueCapacity);
        _backoff = new RestartBackoff(
            TimeSpan.FromSeconds(options.RestartDelayInitialSeconds), TimeSpan.FromSeconds(options.RestartDelayMaxSeconds));
        _stallTimeout = TimeSpan.FromSeconds(options.StallTimeoutSeconds);
    }

    public string CameraId => _options.Id;

    public CameraUrl Url { get; }

    /// <summary>Decoded frames, newest kept when the consumer is behind. Completes after <see cref="StopAsync"/>.</summary>
    public ChannelReader<FrameBuffer> Frames => _queue.Reader;

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

    /// <summary>The running decoder's pid, 0 when none (for tests that check nothing is left behind).</summary>
    internal int FfmpegProcessId => Volatile.Read(ref _ffmpegProcessId);

    /// <summary>
    /// Bytes the frame-reader thread has allocated since its run began (sampled once per frame);
    /// lets a test prove the per-frame loop allocates nothing, unpolluted by other threads.
    /// </summary>
    internal long ReaderAllocatedBytes => Interlocked.Read(ref _readerAllocatedBytes);

    public CameraStatus GetStatus()
    {
        var lastFrameTicks = Interlocked.Read(ref _lastFrameTicks);
        lock (_statusGate)
        {
            return new CameraStatus(
                CameraId,
                Url.Redacted,
                _state,
                Interlocked.Read(ref _framesIn),
                _queue.DroppedCount,
                Interlocked.Read(ref _droppedNoBuffer),
                Interlocked.Read(ref _restarts),
                _lastFailure,
                _frameSize,
                lastFrameTicks == 0 ? null : new DateTimeOffset(lastFrameTicks, TimeSpan.Zero),
                _time.GetUtcNow());
        }
    }

    /// <summary>Starts supervising; returns at once (connection happens in the background).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_supervisor is not null || _stopping.IsCancellationRequested)
        {
            throw new InvalidOperationException($"Camera '{CameraId}' was already started.");
        }

        CameraLog.Starting(_logger, CameraId, Url.Redacted, _options.AnalysisFps);
        SetState(CameraState.Connecting, failure: null);
        _supervisor = Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops ffmpeg (q, then kill after a bound), waits for it to be reaped and completes <see cref="Frames"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (_supervisor is not null)
        {
            await _supervisor.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _queue.Complete();
        SetState(CameraState.Stopped, failure: null);
        if (Interlocked.Exchange(ref _stoppedLogged, 1) == 0)
        {
            CameraLog.Stopped(_logger, CameraId);
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
                outcome = await RunOnceAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // E.g. ffmpeg missing: still a camera failure to retry, never a crashed service.
                var reason = Url.Redact(e.Message);
                CameraLog.Unexpected(_logger, CameraId, reason);
                outcome = new RunOutcome(new CameraFailure(CameraFailureCause.Other, reason), Streamed: false);
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
            CameraLog.Failed(_logger, CameraId, outcome.Failure.Cause, outcome.Failure.Message);
            var delay = _backoff.NextDelay();
            var restarts = Interlocked.Increment(ref _restarts);
            CameraLog.RestartScheduled(_logger, CameraId, (long)delay.TotalMilliseconds, restarts);
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

    private async Task<RunOutcome> RunOnceAsync(CancellationToken stop)
    {
        CameraLog.Probing(_logger, CameraId, Url.Redacted);
        var probe = await StreamProbe.ProbeAsync(
            _options.FfprobePath, Url, TimeSpan.FromSeconds(_options.ProbeTimeoutSeconds), LogFfmpegLine, stop).ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
        if (probe.Failure is not null)
        {
            return new RunOutcome(probe.Failure, Streamed: false);
        }

        var size = probe.Size!.Value;
        var pool = EnsurePool(size);
        var tail = new StderrTail(Url);
        using var forgetPid = new PidReset(this); // declared first: runs after ffmpeg is reaped
        await using var ffmpeg = ChildProcess.Start(
            _options.FfmpegPath,
            FfmpegCommands.Decode(Url, size, _options.AnalysisFps, socketTimeout: _stallTimeout * 2),
            line => LogFfmpegLine(tail.Add(line)));
        CameraLog.FfmpegStarted(_logger, CameraId, ffmpeg.Id);
        Volatile.Write(ref _ffmpegProcessId, ffmpeg.Id);

        using var stall = CancellationTokenSource.CreateLinkedTokenSource(stop);
        // The reader blocks in a pipe read; ending ffmpeg is what ends the read (EOF).
        using var endRun = stall.Token.Register(() =>
        {
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

        // Synchronous reads on a dedicated thread: an async pipe read allocates on every call
        // (~3 KB per 720p frame, measured), a blocking read allocates nothing.
        var reader = new FrameReader(this, pool, stall);
        try
        {
            await Task.Factory.StartNew(
                () => reader.ReadUntilEnd(ffmpeg.StandardOutput),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
        {
            // ffmpeg closed its output: it exited, was killed for stalling, or was asked to quit.
        }

        stop.ThrowIfCancellationRequested();
        if (stall.IsCancellationRequested)
        {
            return new RunOutcome(
                new CameraFailure(CameraFailureCause.Stalled, $"no frame from {Url} for {_stallTimeout.TotalSeconds:0.#} s"),
                reader.Streamed);
        }

        var exited = await ffmpeg.WaitForExitAsync(ExitWait).ConfigureAwait(false);
        var code = exited ? $"exit code {ffmpeg.ExitCode}" : "still running";
        return new RunOutcome(tail.ToFailure($"ffmpeg stopped sending frames from {Url} ({code})"), reader.Streamed);
    }

    private FramePool EnsurePool(VideoSize size)
    {
        lock (_statusGate)
        {
            _frameSize = size;
        }

        if (_pool is null || _pool.Width != size.Width || _pool.Height != size.Height)
        {
            // Buffers still out from an old pool go back to that pool, which is then collected.
            _pool = new FramePool(CameraId, size.Width, size.Height, _options.FrameBufferCount);
            _discard = new byte[_pool.FrameBytes];
            CameraLog.Probed(_logger, CameraId, size, _pool.Capacity, _pool.FrameBytes);
        }

        return _pool;
    }

    private void LogFfmpegLine(string redactedLine) => CameraLog.FfmpegOutput(_logger, CameraId, redactedLine);

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

    private readonly record struct RunOutcome(CameraFailure Failure, bool Streamed);

    /// <summary>Clears the pid once the run's ffmpeg has been disposed (stopped and reaped).</summary>
    private readonly struct PidReset(CameraIngest camera) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref camera._ffmpegProcessId, 0);
    }

    /// <summary>The per-frame loop of one ffmpeg run; allocation-free per frame.</summary>
    private sealed class FrameReader(CameraIngest camera, FramePool pool, CancellationTokenSource stall)
    {
        private bool _warnedExhausted;

        public bool Streamed { get; private set; }

        /// <summary>Reads frames until ffmpeg's output ends (<see cref="EndOfStreamException"/>).</summary>
        public void ReadUntilEnd(Stream stdout)
        {
            var allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
            while (true)
            {
                if (pool.TryRent(out var frame))
                {
                    try
                    {
                        stdout.ReadExactly(frame.Pixels.Span);
                    }
                    catch
                    {
                        frame.Release();
                        throw;
                    }

                    var now = camera._time.GetUtcNow();
                    frame.Stamp(Interlocked.Increment(ref camera._sequence), now);
                    Interlocked.Exchange(ref camera._lastFrameTicks, now.UtcTicks);
                    camera._queue.Publish(frame);
                }
                else
                {
                    // Consume the bytes to stay aligned on frame boundaries, then drop. The
                    // sequence number is spent anyway, so consumers see the gap.
                    stdout.ReadExactly(camera._discard);
                    Interlocked.Increment(ref camera._sequence);
                    Interlocked.Increment(ref camera._droppedNoBuffer);
                    if (!_warnedExhausted)
                    {
                        _warnedExhausted = true;
                        CameraLog.PoolExhausted(camera._logger, camera.CameraId, pool.Capacity);
                    }
                }

                Interlocked.Increment(ref camera._framesIn);
                stall.CancelAfter(camera._stallTimeout);
                Interlocked.Exchange(ref camera._readerAllocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart);
                if (!Streamed)
                {
                    Streamed = true;
                    camera.SetState(CameraState.Streaming, failure: null);
                    CameraLog.Streaming(camera._logger, camera.CameraId);
                }
            }
        }
    }
}
