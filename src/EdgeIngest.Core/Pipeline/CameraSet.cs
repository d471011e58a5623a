using System.Collections.Immutable;
using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Motion;

namespace EdgeIngest.Pipeline;

/// <summary>
/// The cameras the appliance runs, changeable while it runs (the owner's console adds, changes and
/// removes them). Readers (heartbeat, console, clip cuts) see an immutable snapshot and never wait;
/// changes are made one at a time. A change of the zone or motion gate alone is applied to the
/// running worker; any other change restarts that camera alone, and the others keep reading.
/// </summary>
public sealed class CameraSet : IAsyncDisposable
{
    private readonly Func<CameraOptions, LiveCamera> _build;
    private readonly ClipCutter? _cutter;
    private readonly SemaphoreSlim _changing = new(1, 1);
    private ImmutableArray<LiveCamera> _cameras;
    private CancellationToken _running;
    private bool _started;

    /// <param name="build">Makes a camera's ingest, worker and recorder (not started).</param>
    internal CameraSet(IEnumerable<CameraOptions> cameras, Func<CameraOptions, LiveCamera> build, ClipCutter? cutter)
    {
        _build = build;
        _cutter = cutter;
        _cameras = [.. cameras.Select(build)];
        foreach (var camera in _cameras)
        {
            Attach(camera);
        }
    }

    /// <summary>The cameras at this moment, in the configuration's order.</summary>
    public ImmutableArray<LiveCamera> Current => _cameras;

    public LiveCamera? Find(string id)
    {
        foreach (var camera in _cameras)
        {
            if (camera.Id == id)
            {
                return camera;
            }
        }

        return null;
    }

    internal async Task StartAsync(CancellationToken running)
    {
        await _changing.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _running = running;
            _started = true;
            foreach (var camera in _cameras)
            {
                await camera.StartAsync(running).ConfigureAwait(false);
            }
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>Adds a camera (its id must be new) and starts it when the appliance runs.</summary>
    public async Task AddAsync(CameraOptions options)
    {
        await _changing.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (Find(options.Id) is not null)
            {
                throw new ArgumentException($"camera '{options.Id}' already exists", nameof(options));
            }

            var camera = _build(options);
            Attach(camera);
            if (_started)
            {
                await camera.StartAsync(_running).ConfigureAwait(false);
            }

            _cameras = _cameras.Add(camera);
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>Puts <paramref name="options"/> in force for the camera of the same id.</summary>
    /// <returns>True when the camera was restarted; false when only its zone or motion gate changed.</returns>
    public async Task<bool> ReplaceAsync(CameraOptions options)
    {
        await _changing.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var old = Find(options.Id) ?? throw new ArgumentException($"camera '{options.Id}' does not exist", nameof(options));
            var index = _cameras.IndexOf(old);
            if (!NeedsRestart(old.Options, options))
            {
                var zone = DetectionZone.From(options.Zone);
                old.Worker.ChangeZone(options.Motion.Enabled ? new MotionGate(zone, options.Motion) : null, zone);
                _cameras = _cameras.SetItem(index, old.WithOptions(options));
                return false;
            }

            await StopAsync(old).ConfigureAwait(false);
            var camera = _build(options);
            Attach(camera);
            if (_started)
            {
                await camera.StartAsync(_running).ConfigureAwait(false);
            }

            _cameras = _cameras.SetItem(index, camera);
            return true;
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>Stops and removes a camera; vehicles it still had in view are reported first.</summary>
    public async Task RemoveAsync(string id)
    {
        await _changing.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var camera = Find(id) ?? throw new ArgumentException($"camera '{id}' does not exist", nameof(id));
            _cameras = _cameras.Remove(camera);
            await StopAsync(camera).ConfigureAwait(false);
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>Stops every camera's ffmpeg and lets its worker finish (recorders keep running for clips still being cut).</summary>
    internal async Task StopCamerasAsync()
    {
        await _changing.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            foreach (var camera in _cameras)
            {
                await camera.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _changing.Release();
        }
    }

    internal async Task StopRecordersAsync()
    {
        foreach (var camera in _cameras)
        {
            await camera.StopRecorderAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var camera in _cameras)
        {
            await camera.DisposeAsync().ConfigureAwait(false);
        }

        _changing.Dispose();
    }

    // Everything but the zone and the motion gate is ffmpeg's or the queue's business: a restart.
    private static bool NeedsRestart(CameraOptions old, CameraOptions now) =>
        old.Url != now.Url
        || old.AnalysisFps != now.AnalysisFps
        || old.StallTimeoutSeconds != now.StallTimeoutSeconds
        || old.ProbeTimeoutSeconds != now.ProbeTimeoutSeconds
        || old.FrameQueueCapacity != now.FrameQueueCapacity
        || old.FrameBufferCount != now.FrameBufferCount
        || old.RestartDelayInitialSeconds != now.RestartDelayInitialSeconds
        || old.RestartDelayMaxSeconds != now.RestartDelayMaxSeconds
        || old.FfmpegPath != now.FfmpegPath
        || old.FfprobePath != now.FfprobePath;

    private async Task StopAsync(LiveCamera camera)
    {
        await camera.StopAsync().ConfigureAwait(false);
        if (camera.Recorder is not null)
        {
            _cutter?.Detach(camera.Id, camera.Recorder);
        }

        await camera.StopRecorderAsync().ConfigureAwait(false);
        await camera.DisposeAsync().ConfigureAwait(false);
    }

    private void Attach(LiveCamera camera)
    {
        if (camera.Recorder is not null)
        {
            _cutter?.Attach(camera.Recorder);
        }
    }
}
