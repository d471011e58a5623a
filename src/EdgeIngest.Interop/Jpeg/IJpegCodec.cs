namespace EdgeIngest.Interop.Jpeg;

/// <summary>
/// Encodes packed BGR24 pixels to JPEG and back, into caller-owned buffers so a caller that keeps
/// its buffers allocates nothing per image. One thread at a time.
/// </summary>
public interface IJpegCodec : IDisposable
{
    /// <summary>The most bytes <see cref="Encode"/> can write for an image of this size.</summary>
    int GetMaxEncodedLength(int width, int height);

    /// <summary>
    /// Compresses a BGR24 image whose rows start <paramref name="stride"/> bytes apart (a stride
    /// larger than <c>width * 3</c> encodes a crop in place, without copying it) and returns the
    /// number of bytes written to <paramref name="destination"/>.
    /// </summary>
    int Encode(ReadOnlySpan<byte> bgr, int width, int height, int stride, int quality, Span<byte> destination);

    JpegInfo ReadInfo(ReadOnlySpan<byte> jpeg);

    /// <summary>Decompresses into packed BGR24 (<c>width * 3</c> bytes a row); returns the image size.</summary>
    JpegInfo Decode(ReadOnlySpan<byte> jpeg, Span<byte> bgrDestination);
}
