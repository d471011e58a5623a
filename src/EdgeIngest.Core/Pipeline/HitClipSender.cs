using System.Threading.Channels;
using EdgeIngest.Clips;
using EdgeIngest.Hosting;
using EdgeIngest.Outbox;
using EdgeIngest.Records;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Cuts the pre/post-roll clip of each hit and hands it to the outbox's clip lane. Runs off the
/// recognition thread: a cut waits for the post-roll to be recorded (seconds), and several hits'
/// cuts may wait at once. Stopping ends the waits: every requested clip is cut from what is
/// recorded by then (its post-roll short), so a hit seen just before a shutdown keeps its video. A
/// clip that cannot be made, or cannot be stored (disk full), is reported as a drop, so the
/// receiver that was promised a clip is not left waiting without a reason. A crash leaves the
/// promise open in the outbox; <see cref="ClipPromiseRecovery"/> answers it at the next start.
/// With a record store, a clip the request asks to keep is also stored as the hit's evidence on
/// the box (kind <c>clip</c>), under the hit's time, so it goes at the evidence retention like the
/// hit's snapshots; the clip folder's own copy is only the sender's and is trimmed on its own.
/// </summary>
public sealed class HitClipSender(ClipCutter cutter, DurableOutbox outbox, ILogger logger, RecordStore? records = null)
    : BackgroundLoop("clip sender", logger)
{
    private const int ConcurrentCuts = 4;
    private readonly Channel<HitClipRequest> _requests = Channel.CreateUnbounded<HitClipRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _cuts = new(ConcurrentCuts, ConcurrentCuts);
    private readonly CancellationTokenSource _cutNow = new();
    private readonly List<Task> _inFlight = [];

    /// <summary>Called on the recognition thread right after the hit is in the outbox; never blocks.</summary>
    public void Request(HitClipRequest request) => _requests.Writer.TryWrite(request);

    protected override bool DrainsOnStop => true;

    /// <summary>Ends the cuts' waits for post-roll and lets the dispatch loop run out of requests.</summary>
    protected override async Task OnStoppingAsync()
    {
        _requests.Writer.TryComplete();
        await _cutNow.CancelAsync().ConfigureAwait(false);
    }

    protected override ValueTask DisposeCoreAsync()
    {
        _cutNow.Dispose();
        _cuts.Dispose();
        return ValueTask.CompletedTask;
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        // Drains every request, those still queued at a stop included: once stopping, each cut
        // takes what is recorded at once, and ffmpeg's join is bounded (CutTimeoutSeconds).
        // The token is cancelled only when a stop outlasts StopTimeout.
        try
        {
            await foreach (var request in _requests.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                await _cuts.WaitAsync(stopping).ConfigureAwait(false);
                var cut = Task.Run(() => CutAndQueueAsync(request), CancellationToken.None);
                lock (_inFlight)
                {
                    _inFlight.Add(cut);
                    _inFlight.RemoveAll(t => t.IsCompleted);
                }
            }
        }
        finally
        {
            Task[] pending;
            lock (_inFlight)
            {
                pending = [.. _inFlight];
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    private async Task CutAndQueueAsync(HitClipRequest request)
    {
        try
        {
            var clip = await cutter.CutAroundAsync(request.CameraId, request.ReadAt, cutNow: _cutNow.Token).ConfigureAwait(false);
            var bytes = await File.ReadAllBytesAsync(clip.Path).ConfigureAwait(false);
            if (outbox.EnqueueClip(new ClipToSend(request.EventId, request.CameraId, clip.StartsAt, clip.EndsAt, clip.TruncatedPreRoll, bytes, clip.TruncatedPostRoll)))
            {
                HitClipSenderLog.Queued(Logger, request.EventId, request.CameraId, clip.Duration.TotalSeconds, clip.Bytes, ClipCutter.Truncation(clip));
            }

            KeepOnBox(request, bytes);
        }
        catch (Exception e) when (e is ClipException or IOException or OperationCanceledException)
        {
            // No token cancels a cut (a stop only ends its wait), but a stop must never leave a
            // promised clip unexplained, whatever ends it.
            HitClipSenderLog.Failed(Logger, request.EventId, request.CameraId, e.Message);
            ReportMissingClip(request, $"clip could not be made: {e.Message}", ClipDropReason.CutFailed);
        }
        catch (SqliteException e)
        {
            // The clip could not be stored (disk full, I/O error); the hit is already stored. A
            // drop report is a few hundred bytes and may still fit.
            HitClipSenderLog.Failed(Logger, request.EventId, request.CameraId, $"clip could not be stored: {e.Message}");
            ReportMissingClip(request, $"clip could not be stored in the outbox: {e.Message}", ClipDropReason.StorageFailed);
        }
        finally
        {
            _cuts.Release();
        }
    }

    // After the agency's copy is queued: a box that cannot keep its own copy (disk full) still sends it.
    private void KeepOnBox(HitClipRequest request, byte[] bytes)
    {
        if (records is null || !request.KeepOnBox)
        {
            return;
        }

        try
        {
            records.StoreEvidence(request.EventId, RecordStore.ClipKind, request.ReadAt, bytes);
        }
        catch (Exception e) when (e is RecordsException or SqliteException)
        {
            HitClipSenderLog.NotKept(Logger, request.EventId, e.Message);
        }
    }

    private void ReportMissingClip(HitClipRequest request, string reason, string reasonCode)
    {
        try
        {
            outbox.ReportClipDropped(request.EventId, 0, reason, reasonCode);
        }
        catch (SqliteException e)
        {
            // Not even the report fits: the promise stays open in the file and the next start
            // reports it (or cuts the clip, if its video is still there).
            HitClipSenderLog.ReportFailed(Logger, request.EventId, e.Message);
        }
    }
}
