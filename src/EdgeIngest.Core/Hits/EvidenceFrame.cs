using System.Buffers;
using EdgeIngest.Frames;

namespace EdgeIngest.Hits;

/// <summary>
/// A hit's best frame, copied out of the track's buffer so that the JPEG encoding can run after
/// the recogniser's turn is given back. One copy of a 1280x720 frame costs a fraction of a
/// millisecond; the two encodes and the outbox commit it takes off the turn cost tens. The buffer
/// is rented from the shared pool and returned by <see cref="Dispose"/>.
/// </summary>
internal sealed class EvidenceFrame : IDisposable
{
    private byte[]? _pixels;

    private EvidenceFrame(byte[] pixels, int width, int height)
    {
        _pixels = pixels;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public BgrImage Image => new(
        (_pixels ?? throw new ObjectDisposedException(nameof(EvidenceFrame))).AsMemory(0, Width * Height * BgrImage.BytesPerPixel),
        Width,
        Height);

    public static EvidenceFrame CopyOf(BgrImage image)
    {
        var length = image.Width * image.Height * BgrImage.BytesPerPixel;
        var pixels = ArrayPool<byte>.Shared.Rent(length);
        image.Span[..length].CopyTo(pixels);
        return new EvidenceFrame(pixels, image.Width, image.Height);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _pixels, null) is { } pixels)
        {
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }
}
