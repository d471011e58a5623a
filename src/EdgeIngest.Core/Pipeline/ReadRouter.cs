using System.Text.Json;
using EdgeIngest.Configuration;
using EdgeIngest.Events;
using EdgeIngest.Frames;
using EdgeIngest.Hits;
using EdgeIngest.Hotlists;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Reads;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Decides what becomes of each plate read: below the confidence floor it is ignored; a repeat
/// within the same vehicle pass is ignored; a hotlist match becomes a hit event with snapshots;
/// anything else is logged on the box and leaves it only under the <c>all_reads</c> policy.
/// Runs on the recognition thread while the frame is still held, so snapshots see its pixels.
/// An event is committed to the durable outbox before <see cref="Route"/> returns and before the
/// HIT line is logged: an event id in the log is an event that survives a crash. The hit's clip
/// is cut afterwards, off this thread, once its post-roll has been recorded.
/// </summary>
public sealed class ReadRouter(
    string deviceId,
    HotlistHolder hotlists,
    SharingPolicy policy,
    float minConfidence,
    PassFilter passes,
    HitSnapshots snapshots,
    TopicLayout topics,
    DurableOutbox outbox,
    ILogger logger,
    HitClipSender? clips = null,
    ClipPromiseJson? clipPromise = null)
{
    private long _hits;
    private long _reads;

    public long Hits => Interlocked.Read(ref _hits);

    public long Reads => Interlocked.Read(ref _reads);

    public void Route(FrameBuffer frame, IReadOnlyList<PlateRead> reads)
    {
        for (var i = 0; i < reads.Count; i++)
        {
            var read = reads[i];
            if (read.Confidence < minConfidence || !passes.IsNewPass(frame.CameraId, read.Text, frame.CapturedAtUtc))
            {
                continue;
            }

            Interlocked.Increment(ref _reads);
            if (hotlists.Match(read.Text) is { } entry)
            {
                ReportHit(frame, read, entry);
            }
            else
            {
                ReportRead(frame, read);
            }
        }
    }

    private void ReportHit(FrameBuffer frame, PlateRead read, HotlistEntry entry)
    {
        Interlocked.Increment(ref _hits);
        var image = frame.Image;
        var hit = new HitEvent(
            HitEvent.SchemaV1,
            Guid.CreateVersion7(frame.CapturedAtUtc).ToString(),
            deviceId,
            frame.CameraId,
            frame.CapturedAtUtc,
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
        outbox.Enqueue(new OutgoingMessage(topics.Hits, JsonSerializer.SerializeToUtf8Bytes(hit, EventJsonContext.Default.HitEvent), hit.EventId));
        clips?.Request(new HitClipRequest(hit.EventId, frame.CameraId, frame.CapturedAtUtc));
        ReadRouterLog.Hit(logger, frame.CameraId, read.Text, read.Confidence, entry.Plate, entry.Reason, hit.Hotlist.Priority, hit.EventId);
    }

    private void ReportRead(FrameBuffer frame, PlateRead read)
    {
        if (policy != SharingPolicy.AllReads)
        {
            ReadRouterLog.Read(logger, frame.CameraId, read.Text, read.Confidence, "kept on the box: policy hits_only");
            return;
        }

        var message = new ReadEvent(
            ReadEvent.SchemaV1,
            Guid.CreateVersion7(frame.CapturedAtUtc).ToString(),
            deviceId,
            frame.CameraId,
            frame.CapturedAtUtc,
            read.Text,
            read.Confidence,
            ToJson(read.Box));
        outbox.Enqueue(new OutgoingMessage(topics.Reads, JsonSerializer.SerializeToUtf8Bytes(message, EventJsonContext.Default.ReadEvent), message.EventId));
        ReadRouterLog.Read(logger, frame.CameraId, read.Text, read.Confidence, "shared: policy all_reads");
    }

    private static BoxJson ToJson(PlateBox box) => new(box.X, box.Y, box.Width, box.Height);
}
