using EdgeIngest.Cameras;
using EdgeIngest.Motion;
using EdgeIngest.Reads;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Takes one camera's frames as they come (the camera's queue already dropped stale ones),
/// reads their plates and routes the reads, then returns each frame to its pool. Cameras share
/// one recogniser: on a 2–8 core box the models, not the cameras, are the bottleneck, and each
/// camera's drop-oldest queue keeps a slow turn from delaying the next frame it analyses.
/// A motion gate, when given, lets still frames skip the recogniser (and its turn) altogether; a
/// zone filter, when given, drops reads whose plate lies outside the camera's detection zone.
/// </summary>
public sealed class CameraWorker(
    CameraIngest camera,
    IPlateRecognizer recognizer,
    SemaphoreSlim recognizerTurn,
    ReadRouter router,
    ILogger logger,
    MotionGate? motion = null,
    ZoneReadFilter? zone = null)
{
    private long _framesAnalysed;
    private long _framesSkippedStill;
    private long _lastFrameCapturedAtTicks;

    public string CameraId => camera.CameraId;

    public long FramesAnalysed => Interlocked.Read(ref _framesAnalysed);

    /// <summary>Frames the motion gate found still (nothing moved in the zone) and released unread.</summary>
    public long FramesSkippedStill => Interlocked.Read(ref _framesSkippedStill);

    /// <summary>Capture time of the last frame taken from the camera's queue; null before the first.</summary>
    public DateTimeOffset? LastFrameCapturedAt => Interlocked.Read(ref _lastFrameCapturedAtTicks) is var ticks and > 0
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var frame in camera.Frames.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Exchange(ref _lastFrameCapturedAtTicks, frame.CapturedAtUtc.UtcTicks);
            try
            {
                // Checked before the turn is taken: a still frame never waits behind another camera.
                if (motion?.ShouldAnalyse(frame.Image, frame.CapturedAtUtc) == false)
                {
                    Interlocked.Increment(ref _framesSkippedStill);
                    continue;
                }

                await recognizerTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var reads = recognizer.Recognize(frame.Image);
                    router.Route(frame, zone?.Keep(reads, frame.Width, frame.Height) ?? reads);
                    Interlocked.Increment(ref _framesAnalysed);
                }
                finally
                {
                    recognizerTurn.Release();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad frame must not stop the camera; the error says which frame and why.
                CameraWorkerLog.RecognitionFailed(logger, camera.CameraId, frame.SequenceNumber, e.Message);
            }
            finally
            {
                frame.Release();
            }
        }
    }
}
