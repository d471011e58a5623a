using System.Globalization;
using EdgeIngest.Receiving.Footage;

namespace EdgeIngest.Receiving.Topics;

/// <summary>
/// The footage topics of one device (docs/footage.md): <c>footage/{request_id}/manifest</c> and
/// <c>footage/{request_id}/{camera}/{part}/chunks/{n}</c>. Request and camera ids name folders at
/// the agency, so they are checked here, before anything touches the disk.
/// </summary>
internal static class FootageTopic
{
    /// <summary>The highest part number accepted (65,536 parts of 8 MiB: 512 GiB per camera).</summary>
    public const int MaxPartIndex = 65535;

    /// <param name="parts">The whole topic split at '/', <c>parts[2]</c> being <c>footage</c>.</param>
    public static bool TryParse(string[] parts, string device, out DeviceTopic parsed, out string problem)
    {
        parsed = null!;
        if (parts.Length < 5)
        {
            problem = $"unknown footage topic '{string.Join('/', parts[2..])}' (expected footage/{{request_id}}/manifest or footage/{{request_id}}/{{camera}}/{{part}}/chunks/{{n}})";
            return false;
        }

        var requestId = parts[3];
        if (!FootageIds.IsRequestId(requestId))
        {
            problem = $"footage request id '{DeviceTopic.Shorten(requestId)}' in the topic is not {FootageIds.RequestIdRule}";
            return false;
        }

        if (parts.Length == 5 && parts[4] == "manifest")
        {
            parsed = new DeviceTopic(TopicKind.FootageManifest, device) { RequestId = requestId };
            problem = "";
            return true;
        }

        if (parts.Length != 8 || parts[6] != "chunks")
        {
            problem = $"unknown footage topic '{string.Join('/', parts[2..])}' (expected footage/{requestId}/manifest or footage/{requestId}/{{camera}}/{{part}}/chunks/{{n}})";
            return false;
        }

        if (!FootageIds.IsCameraId(parts[4]))
        {
            problem = $"camera id '{DeviceTopic.Shorten(parts[4])}' in the footage topic is not {FootageIds.CameraIdRule}";
            return false;
        }

        if (!TryIndex(parts[5], MaxPartIndex, out var part))
        {
            problem = $"part '{DeviceTopic.Shorten(parts[5])}' in the footage topic is not a number from 0 to {MaxPartIndex}";
            return false;
        }

        if (!TryIndex(parts[7], DeviceTopic.MaxChunkIndex, out var chunk))
        {
            problem = $"chunk '{DeviceTopic.Shorten(parts[7])}' in the footage topic is not a number from 0 to {DeviceTopic.MaxChunkIndex}";
            return false;
        }

        parsed = new DeviceTopic(TopicKind.FootageChunk, device, ChunkIndex: chunk) { RequestId = requestId, CameraId = parts[4], PartIndex = part };
        problem = "";
        return true;
    }

    /// <summary>The topic relative to the device, which is also its acknowledgement key.</summary>
    public static string Relative(DeviceTopic topic) => topic.Kind == TopicKind.FootageManifest
        ? $"footage/{topic.RequestId}/manifest"
        : string.Create(CultureInfo.InvariantCulture, $"footage/{topic.RequestId}/{topic.CameraId}/{topic.PartIndex}/chunks/{topic.ChunkIndex}");

    private static bool TryIndex(string text, int max, out int index) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index <= max
        && text == index.ToString(CultureInfo.InvariantCulture); // "007" would be acknowledged under another key than the device's
}
