namespace EdgeIngest.Interop.Images;

/// <summary>
/// Decodes an encoded image file (any format the engine reads: JPEG, PNG, BMP, WebP, TIFF, ...)
/// into packed BGR24 pixels. One thread at a time.
/// </summary>
public interface IImageDecoder : IDisposable
{
    /// <summary>
    /// Decodes <paramref name="encoded"/> into <paramref name="pixels"/> (<c>width * 3</c> bytes a
    /// row, from its start), replacing the array with a larger one only when it is too small, so a
    /// caller that keeps it reuses one buffer. Throws <see cref="ImageDecodeException"/> with the
    /// reason when the bytes are not an image it can read.
    /// </summary>
    ImageSize Decode(ReadOnlySpan<byte> encoded, ref byte[] pixels);
}
