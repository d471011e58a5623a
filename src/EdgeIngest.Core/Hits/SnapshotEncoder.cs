using EdgeIngest.Frames;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Reads;

namespace EdgeIngest.Hits;

/// <summary>
/// JPEG snapshots for hits: the full frame, and the plate crop encoded in place through the
/// frame's stride (no copy). Destinations are the caller's, sized with <see cref="MaxLength"/>.
/// </summary>
public static class SnapshotEncoder
{
    public static int MaxLength(IJpegCodec codec, int width, int height) => codec.GetMaxEncodedLength(width, height);

    public static int EncodeFrame(IJpegCodec codec, BgrImage image, int quality, Span<byte> destination) =>
        codec.Encode(image.Span, image.Width, image.Height, image.Stride, quality, destination);

    /// <summary>Encodes <paramref name="box"/>, clamped to the frame, widened by <paramref name="margin"/> pixels each side.</summary>
    public static int EncodeCrop(IJpegCodec codec, BgrImage image, PlateBox box, int margin, int quality, Span<byte> destination)
    {
        var x = Math.Clamp(box.X - margin, 0, image.Width - 1);
        var y = Math.Clamp(box.Y - margin, 0, image.Height - 1);
        var right = Math.Clamp(box.Right + margin, x + 1, image.Width);
        var bottom = Math.Clamp(box.Bottom + margin, y + 1, image.Height);
        var start = (y * image.Stride) + (x * BgrImage.BytesPerPixel);
        return codec.Encode(image.Span[start..], right - x, bottom - y, image.Stride, quality, destination);
    }
}
