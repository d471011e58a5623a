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
public sealed class CameraIngest : IAsyncDisposable, ISupervisedFfmpeg
{
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(2);

    private readonly CameraOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FrameQueue _queue;
    private readonly FfmpegSupervisor _supervisor;
    private readonly Lock _frameSizeGate = new();

    private FramePool? _pool;
    private byte[] _discard = [];
    private VideoSize? _frameSize;
    private long _framesIn;
    private long _droppedNoBuffer;
    private long _sequence;
    private long _lastFrameTicks;
    private long _readerAllocatedBytes;

    public CameraIngest(CameraOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        CameraOptionsValidator.Validate(options);

        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _supervisor = new FfmpegSupervisor($"decoder supervisor of camera '{options.Id}'", this, options, TimeSpan.FromSeconds(options.StallTimeoutSeconds), QuitGrace, _time, logger);
        _queue = new FrameQueue(options.FrameQueueCapacity);
    }

    public string CameraId => _options.Id;

    public CameraUrl Url => _supervisor.Url;

    /// <summary>Decoded frames, newest kept when the consumer is behind. Completes after <see cref="StopAsync"/>.</summary>
    public ChannelReader<FrameBuffer> Frames => _queue.Reader;

    public CameraState State => _supervisor.State;

    /// <summary>The running decoder's pid, 0 when none (for tests that check nothing is left behind).</summary>
    internal int FfmpegProcessId => _supervisor.ProcessId;

    /// <summary>
    /// Bytes the frame-reader thread has allocated since its run began (sampled once per frame);
    /// lets a test prove the per-frame loop allocates nothing, unpolluted by other threads.
    /// </summary>
    internal long ReaderAllocatedBytes => Interlocked.Read(ref _readerAllocatedBytes);

    public CameraStatus GetStatus()
    {
        var lastFrameTicks = Interlocked.Read(ref _lastFrameTicks);
        var (state, lastFailure) = _supervisor.Snapshot();
        VideoSize? frameSize;
        lock (_frameSizeGate)
        {
            frameSize = _frameSize;
        }

        return new CameraStatus(
            CameraId,
            Url.Redacted,
            state,
            Interlocked.Read(ref _framesIn),
            _queue.DroppedCount,
            Interlocked.Read(ref _droppedNoBuffer),
            _supervisor.Restarts,
            lastFailure,
            frameSize,
            lastFrameTicks == 0 ? null : new DateTimeOffset(lastFrameTicks, TimeSpan.Zero),
            _time.GetUtcNow());
    }

    /// <summary>Starts supervising; returns at once (connection happens in the background).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _supervisor.ThrowIfStarted($"Camera '{CameraId}'");
        CameraLog.Starting(_logger, CameraId, Url.Redacted, _options.AnalysisFps);
        _supervisor.StartSupervising();
        return Task.CompletedTask;
    }

    /// <summary>Stops ffmpeg (q, then kill after a bound), waits for it to be reaped and completes <see cref="Frames"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _supervisor.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        _queue.Complete();
        _supervisor.MarkStopped();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _supervisor.DisposeAsync().ConfigureAwait(false);
    }

    Task<FfmpegRunOutcome> ISupervisedFfmpeg.RunOnceAsync(CancellationToken stop) => RunOnceAsync(stop);

    void ISupervisedFfmpeg.LogFfmpegStarted(int pid) => CameraLog.FfmpegStarted(_logger, CameraId, pid);

    void ISupervisedFfmpeg.LogFfmpegOutput(string redactedLine) => LogFfmpegLine(redactedLine);

    void ISupervisedFfmpeg.LogFailed(CameraFailure failure) => CameraLog.Failed(_logger, CameraId, failure.Cause, failure.Message);

    void ISupervisedFfmpeg.LogUnexpected(string reason) => CameraLog.Unexpected(_logger, CameraId, reason);

    void ISupervisedFfmpeg.LogRestartScheduled(long delayMs, long restarts) => CameraLog.RestartScheduled(_logger, CameraId, delayMs, restarts);

    void ISupervisedFfmpeg.LogStopped() => CameraLog.Stopped(_logger, CameraId);

    private async Task<FfmpegRunOutcome> RunOnceAsync(CancellationToken stop)
    {
        CameraLog.Probing(_logger, CameraId, Url.Redacted);
        var probe = await StreamProbe.ProbeAsync(
            _options.FfprobePath, Url, TimeSpan.FromSeconds(_options.ProbeTimeoutSeconds), LogFfmpegLine, stop).ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
        if (probe.Failure is not null)
        {
            return new FfmpegRunOutcome(probe.Failure, Streamed: false);
        }

        var size = probe.Size!.Value;
        var pool = EnsurePool(size);
        await using var run = _supervisor.StartFfmpeg(
            FfmpegCommands.Decode(size, _options.AnalysisFps), socketTimeout: _supervisor.StallTimeout * 2, stop);

        // Synchronous reads on a dedicated thread: an async pipe read allocates on every call
        // (~3 KB per 720p frame, measured), a blocking read allocates nothing.
        var reader = new FrameReader(this, pool, run);
        try
        {
            await Task.Factory.StartNew(
                () => reader.ReadUntilEnd(run.StandardOutput),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
        {
            // ffmpeg closed its output: it exited, was killed for stalling, or was asked to quit.
        }

        var failure = await run.FailureAsync("frame", code => $"ffmpeg stopped sending frames from {Url} ({code})").ConfigureAwait(false);
        return new FfmpegRunOutcome(failure, reader.Streamed);
    }

    private FramePool EnsurePool(VideoSize size)
    {
        lock (_frameSizeGate)
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

    /// <summary>The per-frame loop of one ffmpeg run; allocation-free per frame.</summary>
    private sealed class FrameReader(CameraIngest camera, FramePool pool, FfmpegRun run)
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
                run.KeepAlive();
                Interlocked.Exchange(ref camera._readerAllocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart);
                if (!Streamed)
                {
                    Streamed = true;
                    camera._supervisor.MarkStreaming();
                    CameraLog.Streaming(camera._logger, camera.CameraId);
                }
            }
        }
    }
}
