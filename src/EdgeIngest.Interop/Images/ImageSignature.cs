namespace EdgeIngest.Interop.Images;

/// <summary>
/// Names an image format from a file's first bytes, so a decode failure can say whether the file
/// was a damaged image of a known format or not an image at all.
/// </summary>
internal static class ImageSignature
{
    public static string? FormatOf(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "PNG",
        [(byte)'B', (byte)'M', ..] => "BMP",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "WebP",
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "TIFF",
        _ => null,
    };

    /// <summary>The first bytes in hex, e.g. <c>0x25 0x50 0x44 0x46</c>, for a message.</summary>
    public static string FirstBytes(ReadOnlySpan<byte> data)
    {
        var shown = data[..Math.Min(4, data.Length)];
        var parts = new string[shown.Length];
        for (var i = 0; i < shown.Length; i++)
        {
            parts[i] = $"0x{shown[i]:X2}";
        }

        return string.Join(' ', parts);
    }
}
