using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeIngest.Receiving.Verification;

namespace EdgeIngest.Receiving.Clips;

/// <summary>
/// Checks a clip manifest: its identity agrees with its topic, and its size, chunk size, chunk count
/// and sha256 are consistent with each other, so assembly can trust them.
/// </summary>
public static partial class ClipManifestVerifier
{
    public static ClipManifest Verify(ReadOnlyMemory<byte> payload, string topicDeviceId, string topicEventId)
    {
        using var document = JsonPayload.Open(payload, ClipManifest.SchemaV1, topicDeviceId);
        var root = document.RootElement;
        var eventId = JsonPayload.RequireEventId(root);
        if (eventId != topicEventId)
        {
            throw new MessageRejectedException($"event_id '{eventId}' in the manifest does not match event '{topicEventId}' in the topic");
        }

        var bytes = RequireNumber(root, "bytes");
        var chunkBytes = RequireNumber(root, "chunk_bytes");
        var chunks = RequireNumber(root, "chunks");
        if (bytes is < 1 or > SizeLimits.ClipBytes)
        {
            throw new MessageRejectedException($"'bytes' is {bytes}, expected 1 to {SizeLimits.ClipBytes}");
        }

        if (chunkBytes is < 1 or > SizeLimits.ClipChunk)
        {
            throw new MessageRejectedException($"'chunk_bytes' is {chunkBytes}, expected 1 to {SizeLimits.ClipChunk}");
        }

        var expectedChunks = (bytes + chunkBytes - 1) / chunkBytes;
        if (chunks != expectedChunks)
        {
            throw new MessageRejectedException($"'chunks' is {chunks}, but {bytes} bytes in chunks of {chunkBytes} make {expectedChunks}");
        }

        var sha256 = JsonPayload.RequireString(root, "sha256").ToLowerInvariant();
        if (!Sha256Pattern().IsMatch(sha256))
        {
            throw new MessageRejectedException("'sha256' is not 64 hexadecimal digits");
        }

        return new ClipManifest(topicDeviceId, eventId, bytes, (int)chunkBytes, (int)chunks, sha256);
    }

    private static long RequireNumber(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new MessageRejectedException($"'{name}' is missing or not an integer");

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
