using System.Security.Cryptography;
using System.Text.Json;
using EdgeIngest.Events;

namespace EdgeIngest.Outbox;

/// <summary>Turns a clip into what goes on the wire: an <c>edgeingest.clip/1</c> manifest, then chunk 0..n−1 of the raw MP4.</summary>
internal static class ClipMessages
{
    public const string ContentType = "video/mp4";

    public static ClipManifestEvent Manifest(ClipToSend clip, string deviceId, int chunkBytes) => new(
        ClipManifestEvent.SchemaV1,
        clip.EventId,
        deviceId,
        clip.CameraId,
        ContentType,
        clip.Mp4.Length,
        chunkBytes,
        ChunkCount(clip.Mp4.Length, chunkBytes),
        Convert.ToHexStringLower(SHA256.HashData(clip.Mp4.Span)),
        clip.StartsAt,
        clip.EndsAt,
        clip.TruncatedPreRoll,
        clip.TruncatedPostRoll,
        clip.RecoveredAfterRestart);

    public static byte[] Serialize(ClipManifestEvent manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, EventJsonContext.Default.ClipManifestEvent);

    /// <summary>Chunk <paramref name="index"/>: bytes [index × chunkBytes, min((index+1) × chunkBytes, length)).</summary>
    public static ReadOnlyMemory<byte> Chunk(ReadOnlyMemory<byte> mp4, int chunkBytes, int index)
    {
        var start = index * chunkBytes;
        return mp4.Slice(start, Math.Min(chunkBytes, mp4.Length - start));
    }

    public static int ChunkCount(int length, int chunkBytes) => (length + chunkBytes - 1) / chunkBytes;
}
