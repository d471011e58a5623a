using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeIngest.Receiving.Topics;

/// <summary>
/// A topic a device published on, taken apart: <c>{prefix}/{device}/{kind}</c>, or for clips
/// <c>{prefix}/{device}/clips/{event_id}/manifest</c> and <c>.../chunks/{n}</c>, or for footage
/// <c>{prefix}/{device}/footage/{request_id}/manifest</c> and
/// <c>.../{camera}/{part}/chunks/{n}</c>. The device id, event id, request id and camera id become
/// file names, so they are checked as strictly as the device's own configuration checks them;
/// nothing from a topic reaches the file system unchecked.
/// </summary>
public sealed partial record DeviceTopic(TopicKind Kind, string DeviceId, string? ClipEventId = null, int ChunkIndex = -1)
{
    /// <summary>For footage topics: the request id (the command id of the request).</summary>
    public string? RequestId { get; init; }

    /// <summary>For footage chunks: the camera and the part the chunk belongs to.</summary>
    public string? CameraId { get; init; }

    public int PartIndex { get; init; } = -1;

    /// <summary>The highest chunk number accepted (a 1 GiB clip in 16 KiB chunks).</summary>
    public const int MaxChunkIndex = 65535;

    public static bool TryParse(string prefix, string topic, out DeviceTopic parsed, out string problem)
    {
        parsed = null!;
        var parts = topic.Split('/');
        if (parts.Length < 3 || parts[0] != prefix)
        {
            problem = $"not a device topic under '{prefix}/{{device}}/'";
            return false;
        }

        var device = parts[1];
        if (!DeviceIdPattern().IsMatch(device))
        {
            problem = $"device id '{Shorten(device)}' in the topic is not 1–64 letters, digits, '-' or '_'";
            return false;
        }

        TopicKind? kind = parts.Length == 3 ? parts[2] switch
        {
            "hits" => TopicKind.Hit,
            "corrections" => TopicKind.Correction,
            "reads" => TopicKind.Read,
            "status" => TopicKind.Status,
            "registration" => TopicKind.Registration,
            "heartbeat" => TopicKind.Heartbeat,
            "drops" => TopicKind.Drop,
            "command-results" => TopicKind.CommandResult,
            "footage-status" => TopicKind.FootageStatus,
            _ => null,
        } : null;
        if (kind is { } simple)
        {
            parsed = new DeviceTopic(simple, device);
            problem = "";
            return true;
        }

        return parts.Length >= 3 && parts[2] == "footage"
            ? FootageTopic.TryParse(parts, device, out parsed, out problem)
            : TryParseClip(parts, device, out parsed, out problem);
    }

    private static bool TryParseClip(string[] parts, string device, out DeviceTopic parsed, out string problem)
    {
        parsed = null!;
        if (parts.Length < 5 || parts[2] != "clips")
        {
            problem = $"unknown topic '{string.Join('/', parts[2..])}' for device '{device}' (expected hits, corrections, reads, status, registration, heartbeat, drops, command-results, footage-status, clips/... or footage/...)";
            return false;
        }

        if (!EventIds.TryNormalize(parts[3], out var eventId))
        {
            problem = $"clip event id '{Shorten(parts[3])}' in the topic is not a UUID";
            return false;
        }

        if (parts.Length == 5 && parts[4] == "manifest")
        {
            parsed = new DeviceTopic(TopicKind.ClipManifest, device, eventId);
            problem = "";
            return true;
        }

        if (parts.Length == 6 && parts[4] == "chunks"
            && int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index <= MaxChunkIndex)
        {
            parsed = new DeviceTopic(TopicKind.ClipChunk, device, eventId, index);
            problem = "";
            return true;
        }

        problem = $"unknown clip topic '{string.Join('/', parts[4..])}' (expected manifest or chunks/{{0..{MaxChunkIndex}}})";
        return false;
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex DeviceIdPattern();
}
