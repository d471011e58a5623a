using OpenCvSharp;

namespace EdgeIngest.Interop.Images;

/// <summary>
/// <see cref="IImageDecoder"/> over OpenCV's <c>imdecode</c> (OpenCvSharp): every format OpenCV
/// reads, converted to 8-bit BGR (grey, alpha and 16-bit images included). EXIF orientation is
/// ignored on purpose: annotations and cameras give coordinates in the stored pixel grid, which a
/// rotation would no longer match.
/// </summary>
public sealed class OpenCvImageDecoder : IImageDecoder
{
    private const ImreadModes Mode = ImreadModes.Color | ImreadModes.IgnoreOrientation;

    // OpenCV logs a damaged file's problem to stderr as a warning ("PNG input buffer is
    // incomplete") besides returning no image; the exception already says it, with the file, so
    // only OpenCV's errors are left to its log.
    static OpenCvImageDecoder() => Cv2.SetLogLevel(LogLevel.ERROR);

    public ImageSize Decode(ReadOnlySpan<byte> encoded, ref byte[] pixels)
    {
        if (encoded.IsEmpty)
        {
            throw new ImageDecodeException("the file is empty");
        }

        Mat decoded;
        try
        {
            decoded = Cv2.ImDecode(encoded, Mode);
        }
        catch (OpenCVException e)
        {
            throw new ImageDecodeException($"OpenCV could not decode it: {e.Message}", e);
        }

        using (decoded)
        {
            if (decoded.Empty())
            {
                throw new ImageDecodeException(Unreadable(encoded));
            }

            var size = new ImageSize(decoded.Width, decoded.Height);
            if (pixels.Length < size.BgrLength)
            {
                pixels = new byte[size.BgrLength];
            }

            CopyPacked(decoded, pixels);
            return size;
        }
    }

    public void Dispose()
    {
        // Nothing native is held between calls; each decode's Mat is released by its own call.
    }

    private static void CopyPacked(Mat bgr, Span<byte> destination)
    {
        var length = bgr.Width * bgr.Height * 3;
        if (bgr.IsContinuous())
        {
            bgr.AsSpan<byte>()[..length].CopyTo(destination);
            return;
        }

        // imdecode returns a continuous matrix; a clone is continuous should that ever change.
        using var packed = bgr.Clone();
        packed.AsSpan<byte>()[..length].CopyTo(destination);
    }

    private static string Unreadable(ReadOnlySpan<byte> encoded) => ImageSignature.FormatOf(encoded) is { } format
        ? $"it starts like a {format} file but OpenCV could not decode it (truncated or corrupt; {encoded.Length} bytes)"
        : $"not an image format OpenCV reads (starts with {ImageSignature.FirstBytes(encoded)}; {encoded.Length} bytes)";
}
