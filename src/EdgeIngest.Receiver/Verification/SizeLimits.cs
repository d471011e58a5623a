using EdgeIngest.Receiving.Topics;

namespace EdgeIngest.Receiving.Verification;

/// <summary>
/// The largest payload accepted per topic kind. A hit carries two JPEGs inline (100–200 KB at
/// 720p), so 8 MiB leaves room for 4K frames; everything else is small JSON. Anything larger is
/// rejected before it is parsed.
/// </summary>
public static class SizeLimits
{
    public const int Hit = 8 * 1024 * 1024;
    public const int ClipChunk = 8 * 1024 * 1024;
    public const int Heartbeat = 256 * 1024;
    public const int SmallJson = 64 * 1024;
    public const long ClipBytes = 1024L * 1024 * 1024;

    /// <summary>A footage manifest lists every 8 MiB part of up to 16 cameras (about 130 bytes each): room for days of video.</summary>
    public const int FootageManifest = 8 * 1024 * 1024;

    public static int For(TopicKind kind) => kind switch
    {
        TopicKind.Hit => Hit,
        TopicKind.ClipChunk or TopicKind.FootageChunk => ClipChunk,
        TopicKind.FootageManifest => FootageManifest,
        TopicKind.Heartbeat => Heartbeat,
        _ => SmallJson,
    };
}
