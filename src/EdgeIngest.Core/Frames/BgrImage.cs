namespace EdgeIngest.Frames;

/// <summary>
/// A view of a packed 8-bit BGR image (3 bytes per pixel, rows of <c>Width * 3</c> bytes with no
/// padding), the layout ffmpeg writes with <c>-pix_fmt bgr24</c>. It only borrows the pixels: the
/// owner (a pooled frame buffer or a decoded file) must outlive every use of the view.
/// </summary>
public readonly record struct BgrImage(ReadOnlyMemory<byte> Pixels, int Width, int Height)
{
    public const int BytesPerPixel = 3;

    public int Stride => Width * BytesPerPixel;

    public ReadOnlySpan<byte> Span => Pixels.Span;
}
