using EdgeIngest.Cameras;
using EdgeIngest.Clips;

namespace EdgeIngest.Pipeline;

/// <summary>
/// One camera at work: its ingest (ffmpeg → frame queue), the worker that reads its frames, and
/// the recorder of its segment ring for hit clips (none when clips are off). They start and stop
/// together, so a camera can be added, changed or removed while the others keep reading.
/// </summary>
public sealed class LiveCamera
{
    private Task _work = Task.CompletedTask;

    internal LiveCamera(CameraOptions options, CameraIngest ingest, CameraWorker worker, SegmentRecorder? recorder)
    {
        Options = options;
        Ingest = ingest;
        Worker = worker;
        Recorder = recorder;
    }

    public string Id => Options.Id;

    /// <summary>The settings it runs with (the configuration's entry; not to be changed in place).</summary>
    public CameraOptions Options { get; }

    public CameraIngest Ingest { get; }

    public CameraWorker Worker { get; }

    public SegmentRecorder? Recorder { get; }

    /// <summary>The same running camera under settings that differ only in its zone or motion gate.</summary>
    internal LiveCamera WithOptions(CameraOptions options) => new(options, Ingest, Worker, Recorder) { _work = _work };

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        await Ingest.StartAsync(cancellationToken).ConfigureAwait(false);
        if (Recorder is not null)
        {
            await Recorder.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        _work = Task.Run(() => Worker.RunAsync(cancellationToken), CancellationToken.None);
    }

    /// <summary>
    /// Stops the camera's ffmpeg first: its queue completes, so the worker reads what is left,
    /// reports the vehicles still in view and ends; then the recorder.
    /// </summary>
    internal async Task StopAsync()
    {
        await Ingest.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _work.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    internal async Task StopRecorderAsync()
    {
        if (Recorder is not null)
        {
            await Recorder.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    internal async ValueTask DisposeAsync()
    {
        await Ingest.DisposeAsync().ConfigureAwait(false);
        if (Recorder is not null)
        {
            await Recorder.DisposeAsync().ConfigureAwait(false);
        }
    }
}
