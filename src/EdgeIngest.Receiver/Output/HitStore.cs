using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Receiving.Verification;

namespace EdgeIngest.Receiving.Output;

/// <summary>
/// Writes each hit once. The hit's JSON file is written last and atomically, so its existence
/// means "this event is completely stored": that is the de-duplication record, and it survives
/// receiver restarts without any other state.
/// </summary>
public sealed class HitStore(OutputLayout layout, TimeProvider clock)
{
    /// <returns>The stored record, or null when this event id was already stored (a redelivery).</returns>
    public StoredHit? Save(VerifiedHit verified)
    {
        var hit = verified.Event;
        var device = hit.DeviceId;
        var recordPath = layout.HitRecord(device, verified.EventId);
        if (File.Exists(recordPath))
        {
            return null;
        }

        var platePath = layout.PlateJpeg(device, verified.EventId);
        var framePath = layout.FrameJpeg(device, verified.EventId);
        AtomicFile.Write(platePath, verified.PlateJpeg);
        AtomicFile.Write(framePath, verified.FrameJpeg);

        var stored = new StoredHit(
            StoredHit.SchemaV3, verified.EventId, device, hit.CameraId, hit.OccurredAt, clock.GetUtcNow(),
            hit.Plate, hit.Confidence, hit.Hotlist, hit.Box,
            new StoredSnapshots(hit.Snapshot.FrameWidth, hit.Snapshot.FrameHeight, Path.GetFileName(platePath), Path.GetFileName(framePath)),
            hit.Match,
            hit.AgreementVersion,
            hit.FirstReadAt,
            hit.Alternatives);
        var json = JsonSerializer.SerializeToUtf8Bytes(stored, ReceiverJsonContext.Default.StoredHit);
        AtomicFile.Write(recordPath, json);

        // After the record: a crash in between loses an index line, never a hit (the index is a convenience).
        AtomicFile.AppendLine(layout.HitsIndex, json);
        return stored;
    }

    /// <returns>False when this correction was already stored (a redelivery).</returns>
    public bool SaveCorrection(HitCorrectionEvent correction)
    {
        var path = layout.CorrectionRecord(correction.DeviceId, correction.EventId);
        if (File.Exists(path))
        {
            return false;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(correction, EventJsonContext.Default.HitCorrectionEvent);
        AtomicFile.Write(path, json);
        AtomicFile.AppendLine(layout.CorrectionsIndex, json);
        return true;
    }

    /// <returns>False when this read was already stored.</returns>
    public bool SaveRead(ReadEvent read, string eventId)
    {
        var path = layout.ReadRecord(read.DeviceId, eventId);
        if (File.Exists(path))
        {
            return false;
        }

        AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(read with { EventId = eventId }, EventJsonContext.Default.ReadEvent));
        return true;
    }
}
