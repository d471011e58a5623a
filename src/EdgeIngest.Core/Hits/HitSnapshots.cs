using EdgeIngest.Frames;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Reads;

namespace EdgeIngest.Hits;

/// <summary>
/// The JPEG evidence of a hit: the full frame and the plate with a margin of half its height,
/// encoded straight from the pooled frame into one reused buffer. Runs only for hits.
/// </summary>
public sealed class HitSnapshots(IJpegCodec codec, int quality = 85) : IDisposable
{
    private byte[] _buffer = [];

    public byte[] EncodeFrame(BgrImage image)
    {
        var length = SnapshotEncoder.EncodeFrame(codec, image, quality, Buffer(image.Width, image.Height));
        return _buffer.AsSpan(0, length).ToArray();
    }

    public byte[] EncodePlate(BgrImage image, PlateBox box)
    {
        var margin = Math.Max(4, box.Height / 2);
        var length = SnapshotEncoder.EncodeCrop(codec, image, box, margin, quality, Buffer(box.Width + (2 * margin), box.Height + (2 * margin)));
        return _buffer.AsSpan(0, length).ToArray();
    }

    public void Dispose() => codec.Dispose();

    private byte[] Buffer(int width, int height)
    {
        var needed = SnapshotEncoder.MaxLength(codec, width, height);
        if (_buffer.Length < needed)
        {
            _buffer = new byte[needed];
        }

        return _buffer;
    }
}
