using EdgeIngest.Cameras;
using EdgeIngest.Frames;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>Cameras with test-friendly timings, and a bounded way to take a frame.</summary>
internal static class TestCameras
{
    public static CameraIngest Create(string id, string url, ILoggerFactory logs, Action<CameraOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new CameraOptions
        {
            Id = id,
            Url = url,
            AnalysisFps = 10,
            ProbeTimeoutSeconds = 20, // ffprobe waits for a keyframe; on a loaded 2-core CI box that can take well over 10 s
            StallTimeoutSeconds = 10,
            RestartDelayInitialSeconds = 0.3,
            RestartDelayMaxSeconds = 2,
        };
        configure?.Invoke(options);
        return new CameraIngest(options, logs.CreateLogger($"camera.{id}"), time);
    }

    public static async Task<FrameBuffer> NextFrameAsync(this CameraIngest camera, TimeSpan timeout)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            return await camera.Frames.ReadAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no frame from {camera.CameraId} within {timeout.TotalSeconds} s; status {camera.GetStatus()}");
        }
    }
}
