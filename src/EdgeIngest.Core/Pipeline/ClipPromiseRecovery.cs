using EdgeIngest.Clips;
using EdgeIngest.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Keeps the promise a hit makes (<c>"clip": {…}</c>) across a crash. Each promise is stored with
/// its hit and closed with its clip or drop report (<see cref="DurableOutbox"/>); one still open
/// at start-up belongs to a hit whose post-roll a crash or power cut interrupted. Run before the
/// recorders start, because a recorder's start clears its segment folder: every open promise is
/// cut from the segments the earlier process left (marked <c>recovered_after_restart</c>, and
/// <c>truncated_post_roll</c> when the video stops short), or reported as dropped with the reason.
/// Nothing is left unexplained except when the outbox itself cannot be written; then the promise
/// stays open for the next start.
/// </summary>
public sealed class ClipPromiseRecovery(
    DurableOutbox outbox, ClipCutter? cutter, IReadOnlyList<SegmentRecorder> recorders, double segmentSeconds, ILogger logger)
{
    public async Task<ClipRecoveryOutcome> RecoverAsync(CancellationToken cancellationToken = default)
    {
        var promises = outbox.OpenClipPromises();
        if (promises.Count == 0)
        {
            return default;
        }

        ClipRecoveryLog.Found(logger, promises.Count);
        var leftovers = new Dictionary<string, IReadOnlyList<Segment>>(StringComparer.Ordinal);
        int recovered = 0, dropped = 0, leftOpen = 0;
        foreach (var promise in promises)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await RecoverOneAsync(promise, leftovers, cancellationToken).ConfigureAwait(false))
                {
                    recovered++;
                }
                else
                {
                    dropped++;
                }
            }
            catch (SqliteException e)
            {
                // Disk full or failing: the promise stays in the file, and the next start tries again.
                ClipRecoveryLog.LeftOpen(logger, promise.EventId, e.Message);
                leftOpen++;
            }
        }

        ClipRecoveryLog.Done(logger, recovered, dropped, leftOpen);
        return new ClipRecoveryOutcome(recovered, dropped, leftOpen);
    }

    /// <summary>True when the clip was cut and queued; false when its drop was reported.</summary>
    private async Task<bool> RecoverOneAsync(ClipPromise promise, Dictionary<string, IReadOnlyList<Segment>> leftovers, CancellationToken cancellationToken)
    {
        var recorder = recorders.FirstOrDefault(r => r.CameraId == promise.CameraId);
        if (cutter is null || recorder is null)
        {
            return Drop(
                promise,
                $"the service stopped during the clip's post-roll and restarted without clips for camera '{promise.CameraId}' (camera removed from the configuration, or clips turned off)",
                ClipDropReason.CameraGone);
        }

        if (!leftovers.TryGetValue(promise.CameraId, out var segments))
        {
            segments = LeftoverSegments.Read(recorder.Ring.Directory, segmentSeconds);
            leftovers[promise.CameraId] = segments;
        }

        if (!segments.Any(segment => segment.Overlaps(promise.From, promise.To)))
        {
            var held = segments.Count == 0 ? "no video was left (RAM cleared by a reboot?)" : $"the video left covers {segments[0].StartsAt:O} to {segments[^1].EndsAt:O}";
            return Drop(
                promise,
                $"the service stopped during the clip's post-roll and the recorded video no longer covers the window {promise.From:O} to {promise.To:O}: {held}",
                ClipDropReason.ServiceStopped);
        }

        Clip clip;
        byte[] mp4;
        try
        {
            clip = await cutter.CutFromLeftoversAsync(promise.CameraId, segments, promise.From, promise.To, cancellationToken).ConfigureAwait(false);
            mp4 = await File.ReadAllBytesAsync(clip.Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ClipException or IOException)
        {
            return Drop(promise, $"the service stopped during the clip's post-roll and the video left could not be cut: {e.Message}", ClipDropReason.CutFailed);
        }

        // EnqueueClip closes the promise either way; a clip over the budget is reported by it.
        var queued = outbox.EnqueueClip(new ClipToSend(
            promise.EventId, promise.CameraId, clip.StartsAt, clip.EndsAt, clip.TruncatedPreRoll, mp4, clip.TruncatedPostRoll, RecoveredAfterRestart: true));
        if (queued)
        {
            ClipRecoveryLog.Recovered(
                logger, promise.EventId, promise.CameraId, clip.Duration.TotalSeconds, (promise.To - promise.From).TotalSeconds, clip.Bytes, ClipCutter.Truncation(clip));
        }

        return queued;
    }

    private bool Drop(ClipPromise promise, string reason, string reasonCode)
    {
        outbox.ReportClipDropped(promise.EventId, 0, reason, reasonCode);
        ClipRecoveryLog.Dropped(logger, promise.EventId, promise.CameraId, reason, reasonCode);
        return false;
    }
}
