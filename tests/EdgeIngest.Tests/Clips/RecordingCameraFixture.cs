using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Clips;

/// <summary>
/// One simulated camera (the demo clip on <c>/cam1</c>) recorded into a segment ring for the
/// whole test class, with a cutter over it; segments and clips live in a temp folder.
/// </summary>
public sealed class RecordingCameraFixture : IAsyncLifetime
{
    public const string CameraId = "clips-cam";

    private RtspCameraSimulator? _simulator;
    private SegmentRecorder? _recorder;

    public InMemoryLoggerProvider Logs { get; } = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("edgeingest-clips-").FullName;

    public RtspCameraSimulator Simulator => _simulator ?? throw new InvalidOperationException("fixture not started");

    public SegmentRecorder Recorder => _recorder ?? throw new InvalidOperationException("fixture not started");

    public ClipCutter Cutter { get; private set; } = null!;

    public ClipOptions Options { get; } = new() { PreRollSeconds = 5, PostRollSeconds = 3 };

    public async ValueTask InitializeAsync()
    {
        var demo = await DemoVideo.GetPathAsync();
        _simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/cam1"] = demo });
        Options.SegmentRoot = Path.Combine(Folder, "segments");
        Options.ClipDirectory = Path.Combine(Folder, "clips");
        _recorder = new SegmentRecorder(CameraOptionsFor(_simulator.UrlFor("/cam1")), Options, Logs.CreateFactory().CreateLogger("recorder"));
        Cutter = new ClipCutter([_recorder], Options, Logs.CreateFactory().CreateLogger("clips"));
        await _recorder.StartAsync();
    }

    public static CameraOptions CameraOptionsFor(string url, string id = CameraId) => new()
    {
        Id = id,
        Url = url,
        StallTimeoutSeconds = 10,
        RestartDelayInitialSeconds = 0.3,
        RestartDelayMaxSeconds = 2,
    };

    /// <summary>Waits until the ring reaches back at least <paramref name="span"/> from now.</summary>
    public Task RingHoldsAsync(TimeSpan span) => Eventually.HoldsAsync(
        () => Recorder.GetStatus().OldestStartsAt is { } oldest && DateTimeOffset.UtcNow - oldest >= span,
        span + TimeSpan.FromSeconds(20),
        () => $"recorder {Recorder.GetStatus()}");

    public async ValueTask DisposeAsync()
    {
        if (_recorder is not null)
        {
            await _recorder.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
