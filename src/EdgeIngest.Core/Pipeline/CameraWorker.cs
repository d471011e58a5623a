using EdgeIngest.Cameras;
using EdgeIngest.Hits;
using EdgeIngest.Motion;
using EdgeIngest.Reads;
using EdgeIngest.Tracks;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Takes one camera's frames as they come (the camera's queue already dropped stale ones),
/// reads their plates, follows the vehicles with the camera's tracker (which reports each pass
/// once, to the router) and returns each frame to its pool. Cameras share one recogniser: on a
/// 2–8 core box the models, not the cameras, are the bottleneck, and each camera's drop-oldest
/// queue keeps a slow turn from delaying the next frame it analyses. The router is shared too,
/// so it is only called while holding the recogniser's turn.
/// A motion gate, when given, lets still frames skip the recogniser altogether; a zone, when
/// given, drops reads whose plate lies outside it. About once a second the worker copies the
/// frame in hand, with its reads, into <see cref="Latest"/> for the web console.
/// </summary>
public sealed class CameraWorker(
    CameraIngest camera,
    IPlateRecognizer recognizer,
    SemaphoreSlim recognizerTurn,
    PlateTracker tracker,
    ReadRouter router,
    ILogger logger,
    MotionGate? motion = null,
    DetectionZone? zone = null)
{
    // Swapped whole when the owner redraws the zone: the loop reads it once per frame.
    private volatile ZoneSettings _zone = new(motion, zone ?? DetectionZone.WholeFrame, zone is null ? null : new ZoneReadFilter(zone));
    // Whether each parked plate the tracker asked not to read was found where it stands.
    private readonly bool[] _seenUnread = new bool[tracker.MaxTracks];
    private long _framesAnalysed;
    private long _parkedPlatesNotRead;
    private long _framesSkippedStill;
    private long _lastFrameCapturedAtTicks;

    public string CameraId => camera.CameraId;

    /// <summary>The zone this worker keeps reads in (the whole frame when none was given).</summary>
    public DetectionZone Zone => _zone.Zone;

    /// <summary>The latest picture taken (at most about once a second) and the plates read in it.</summary>
    public LatestFrame Latest { get; } = new(LatestFrame.DefaultInterval);

    public long FramesAnalysed => Interlocked.Read(ref _framesAnalysed);

    /// <summary>Plates found where a parked vehicle stands and not read again (one per frame and vehicle).</summary>
    public long ParkedPlatesNotRead => Interlocked.Read(ref _parkedPlatesNotRead);

    /// <summary>Frames the motion gate found still (nothing moved in the zone) and released unread.</summary>
    public long FramesSkippedStill => Interlocked.Read(ref _framesSkippedStill);

    /// <summary>Capture time of the last frame taken from the camera's queue; null before the first.</summary>
    public DateTimeOffset? LastFrameCapturedAt => Interlocked.Read(ref _lastFrameCapturedAtTicks) is var ticks and > 0
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    /// <summary>
    /// A new zone and motion gate, in force from the next frame on, without restarting the camera
    /// (its ffmpeg and its clip ring keep running).
    /// </summary>
    public void ChangeZone(MotionGate? newMotion, DetectionZone newZone) => _zone = new ZoneSettings(newMotion, newZone, new ZoneReadFilter(newZone));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await AnalyseFramesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ReportVehiclesInViewAsync().ConfigureAwait(false);
        }
    }

    private async Task AnalyseFramesAsync(CancellationToken cancellationToken)
    {
        await foreach (var frame in camera.Frames.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Exchange(ref _lastFrameCapturedAtTicks, frame.CapturedAtUtc.UtcTicks);
            var pictureDue = Latest.IsDue(frame.CapturedAtUtc);
            var (motion, _, zoneFilter) = _zone;
            try
            {
                // Checked before the turn is taken: a still frame never waits behind another camera.
                if (motion?.ShouldAnalyse(frame.Image, frame.CapturedAtUtc) == false)
                {
                    Interlocked.Increment(ref _framesSkippedStill);
                    if (pictureDue)
                    {
                        Latest.Take(frame.Image, frame.CapturedAtUtc, reads: null, zoneFilter);
                    }

                    await ReportDueVehiclesAsync(frame.CapturedAtUtc, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await recognizerTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    // Hits due by this frame's time go out now, not one recognition later.
                    tracker.Advance(frame.CapturedAtUtc, router);
                    var notToRead = tracker.NotToRead;
                    var seenUnread = _seenUnread.AsSpan(0, notToRead.Length);
                    var reads = recognizer.Recognize(frame.Image, notToRead, seenUnread);
                    if (pictureDue)
                    {
                        // Inside the turn: the recogniser reuses its list of reads on the next call.
                        Latest.Take(frame.Image, frame.CapturedAtUtc, reads, zoneFilter);
                    }

                    // Tracks copy the pixels of their best frame, so the frame can go back below.
                    tracker.Observe(frame.Image, frame.CapturedAtUtc, zoneFilter?.Keep(reads, frame.Width, frame.Height) ?? reads, router, seenUnread);
                    Interlocked.Increment(ref _framesAnalysed);
                    Interlocked.Add(ref _parkedPlatesNotRead, seenUnread.Count(true));
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

    // A car that drove out of a scene that is now still must still be reported when its gap or
    // vote window runs out, though no frame is read, and a car that stopped is still there; the
    // turn is only taken when a track is open.
    private async Task ReportDueVehiclesAsync(DateTimeOffset capturedAt, CancellationToken cancellationToken)
    {
        if (tracker.OpenTracks == 0)
        {
            return;
        }

        await recognizerTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            tracker.Still(capturedAt, router);
        }
        finally
        {
            recognizerTurn.Release();
        }
    }

    // A vehicle still in view (or still being voted on) when the camera stops is reported now,
    // not lost. Waits for its turn whatever the cancellation: the other workers hold it briefly.
    private async Task ReportVehiclesInViewAsync()
    {
        await recognizerTurn.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            tracker.Flush(router);
        }
        catch (Exception e)
        {
            CameraWorkerLog.FlushFailed(logger, camera.CameraId, e.Message);
        }
        finally
        {
            recognizerTurn.Release();
        }
    }

    private sealed record ZoneSettings(MotionGate? Motion, DetectionZone Zone, ZoneReadFilter? Filter);
}
