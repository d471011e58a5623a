using System.Text.Json;
using EdgeIngest.Events;

namespace EdgeIngest.Receiving.Verification;

/// <summary>
/// Checks an <c>edgeingest.hit/1</c> or <c>hit/2</c> payload field by field (hit/2 must say how
/// it matched, the entry's category and the list's version). The source-generated deserializer
/// leaves a missing field null or zero rather than failing, so each field the agency relies on is
/// checked here, and both snapshots must decode to JPEG.
/// </summary>
public static class HitVerifier
{
    public static VerifiedHit Verify(ReadOnlyMemory<byte> payload, string topicDeviceId)
    {
        using var document = JsonPayload.Open(payload, [HitEvent.SchemaV1, HitEvent.SchemaV2, HitEvent.SchemaV3], topicDeviceId);
        var root = document.RootElement;
        var eventId = JsonPayload.RequireEventId(root);
        var hit = JsonPayload.Read(root, EventJsonContext.Default.HitEvent, "hit");

        ReadVerifier.CheckIdentity(hit.CameraId, hit.OccurredAt, hit.Plate, hit.Confidence, hit.Box);
        if (hit.Hotlist is null || string.IsNullOrEmpty(hit.Hotlist.Plate) || hit.Hotlist.Reason is null
            || hit.Hotlist.Priority is not ("low" or "medium" or "high" or "critical"))
        {
            throw new MessageRejectedException("'hotlist' is missing, or lacks plate, reason or a priority of low, medium, high or critical");
        }

        if (hit.Schema is HitEvent.SchemaV2 or HitEvent.SchemaV3)
        {
            CheckVersion2(hit);
        }

        if (hit.Schema == HitEvent.SchemaV3 && (hit.FirstReadAt is not { } first || first > hit.OccurredAt))
        {
            throw new MessageRejectedException("'first_read_at' is missing or later than 'occurred_at' (the pass's first read comes before its best frame)");
        }

        if (hit.Snapshot is null)
        {
            throw new MessageRejectedException("'snapshot' is missing");
        }

        return new VerifiedHit(hit, eventId, DecodeJpeg(hit.Snapshot.PlateJpeg, "snapshot.plate_jpeg"), DecodeJpeg(hit.Snapshot.FrameJpeg, "snapshot.frame_jpeg"));
    }

    private static void CheckVersion2(HitEvent hit)
    {
        if (hit.Match is null || hit.Match.Kind is not ("exact" or "look_alike" or "wildcard") || hit.Match.Distance < 0 || string.IsNullOrEmpty(hit.Match.Reading))
        {
            throw new MessageRejectedException("'match' is missing, or lacks a kind of exact, look_alike or wildcard, a distance of 0 or more, or the reading");
        }

        if (hit.Match.Kind != "exact" && !hit.Match.ConfirmBeforeActing)
        {
            throw new MessageRejectedException($"'match.confirm_before_acting' must be true for a {hit.Match.Kind} match");
        }

        if (string.IsNullOrEmpty(hit.Hotlist.Category) || hit.Hotlist.ListVersion is null or < 0)
        {
            throw new MessageRejectedException("'hotlist.category' or 'hotlist.list_version' is missing");
        }
    }

    private static byte[] DecodeJpeg(string? base64, string field)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64 ?? throw new MessageRejectedException($"'{field}' is missing"));
        }
        catch (FormatException)
        {
            throw new MessageRejectedException($"'{field}' is not valid base64");
        }

        // Every JPEG starts with the SOI marker FF D8.
        return bytes is [0xFF, 0xD8, ..]
            ? bytes
            : throw new MessageRejectedException($"'{field}' is not a JPEG ({bytes.Length} bytes without the FF D8 start marker)");
    }
}
