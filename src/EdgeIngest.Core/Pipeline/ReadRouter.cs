using System.Text.Json;
using EdgeIngest.Configuration;
using EdgeIngest.Events;
using EdgeIngest.Hits;
using EdgeIngest.Hotlists;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Reads;
using EdgeIngest.Tracks;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Decides what becomes of each vehicle's final read (one per tracked pass, with the text its
/// reads voted for and its best frame): a repeat within the same pass (a vehicle lost and
/// picked up again) is ignored; a hotlist match becomes a hit event with snapshots of the best
/// frame; anything else is logged on the box and leaves it only under the <c>all_reads</c> policy.
/// Runs on the recognition thread while the track still holds its best frame. An event is
/// committed to the durable outbox before <see cref="Report"/> returns and before the HIT line is
/// logged: an event id in the log is an event that survives a crash. The hit's clip is cut
/// afterwards, off this thread, once its post-roll has been recorded.
/// </summary>
public sealed class ReadRouter(
    string deviceId,
    HotlistHolder hotlists,
    SharingPolicy policy,
    PassFilter passes,
    HitSnapshots snapshots,
    TopicLayout topics,
    DurableOutbox outbox,
    ILogger logger,
    HitClipSender? clips = null,
    ClipPromiseJson? clipPromise = null) : ITrackSink
{
    private long _hits;
    private long _reads;

    public long Hits => Interlocked.Read(ref _hits);

    public long Reads => Interlocked.Read(ref _reads);

    public void Report(in FinalRead read)
    {
        if (!passes.IsNewPass(read.CameraId, read.Text, read.CapturedAtUtc))
        {
            return;
        }

        Interlocked.Increment(ref _reads);
        if (MatchOf(read) is { } match)
        {
            ReportHit(read, match.Entry);
        }
        else
        {
            ReportRead(read);
        }
    }

    /// <summary>The pass lasts until the tracked vehicle was last seen, not just until its report.</summary>
    public void TrackEnded(string cameraId, string reportedText, DateTimeOffset lastSeenAtUtc) =>
        passes.Extend(cameraId, reportedText, lastSeenAtUtc);

    // The voted text first, then the tracker's alternative readings; expiry judged at capture time.
    private HotlistMatch? MatchOf(in FinalRead read) => read.Alternatives is not { Count: > 0 } alternatives
        ? hotlists.Match(read.Text, read.CapturedAtUtc)
        : hotlists.Match([read.Text, .. alternatives], read.CapturedAtUtc);

    private void ReportHit(in FinalRead read, HotlistEntry entry)
    {
        Interlocked.Increment(ref _hits);
        var image = read.Frame;
        var hit = new HitEvent(
            HitEvent.SchemaV1,
            Guid.CreateVersion7(read.CapturedAtUtc).ToString(),
            deviceId,
            read.CameraId,
            read.CapturedAtUtc,
            read.Text,
            read.Confidence,
            new HotlistJson(entry.Plate, entry.Reason, entry.Priority.ToString().ToLowerInvariant()),
            ToJson(read.Box),
            new SnapshotJson(
                image.Width,
                image.Height,
                Convert.ToBase64String(snapshots.EncodePlate(image, read.Box)),
                Convert.ToBase64String(snapshots.EncodeFrame(image))),
            clips is null ? null : clipPromise);
        // The promise of a clip is stored with the hit (one transaction), so a crash before the
        // clip is stored is found and answered at the next start (ClipPromiseRecovery).
        var promise = hit.Clip is { } promised
            ? new ClipPromise(
                hit.EventId,
                read.CameraId,
                read.CapturedAtUtc - TimeSpan.FromSeconds(promised.PreRollSeconds),
                read.CapturedAtUtc + TimeSpan.FromSeconds(promised.PostRollSeconds),
                DateTimeOffset.UtcNow)
            : null;
        outbox.Enqueue(new OutgoingMessage(topics.Hits, JsonSerializer.SerializeToUtf8Bytes(hit, EventJsonContext.Default.HitEvent), hit.EventId), promise);
        clips?.Request(new HitClipRequest(hit.EventId, read.CameraId, read.CapturedAtUtc));
        ReadRouterLog.Hit(logger, read.CameraId, read.Text, read.Confidence, read.Reads, entry.Plate, entry.Reason, hit.Hotlist.Priority, hit.EventId);
    }

    private void ReportRead(in FinalRead read)
    {
        if (policy != SharingPolicy.AllReads)
        {
            ReadRouterLog.Read(logger, read.CameraId, read.Text, read.Confidence, read.Reads, "kept on the box: policy hits_only");
            return;
        }

        var message = new ReadEvent(
            ReadEvent.SchemaV1,
            Guid.CreateVersion7(read.CapturedAtUtc).ToString(),
            deviceId,
            read.CameraId,
            read.CapturedAtUtc,
            read.Text,
            read.Confidence,
            ToJson(read.Box));
        outbox.Enqueue(new OutgoingMessage(topics.Reads, JsonSerializer.SerializeToUtf8Bytes(message, EventJsonContext.Default.ReadEvent), message.EventId));
        ReadRouterLog.Read(logger, read.CameraId, read.Text, read.Confidence, read.Reads, "shared: policy all_reads");
    }

    private static BoxJson ToJson(PlateBox box) => new(box.X, box.Y, box.Width, box.Height);
}
