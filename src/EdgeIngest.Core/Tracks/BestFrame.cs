using System.Buffers;
using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Tracks;

/// <summary>
/// A track's own copy of the frame it will show as evidence, with the read it came from. Pooled
/// frames go back to the camera as soon as they are analysed, so the pixels are copied into a
/// buffer rented once per track (and reused while the best frame improves), and returned when
/// the track ends.
/// </summary>
internal sealed class BestFrame
{
    private byte[]? _pixels;
    private int _width;
    private int _height;

    public bool HasFrame => _pixels is not null;

    /// <summary>The text the best frame's read had (compared with the vote as it changes).</summary>
    public string Text { get; private set; } = "";

    public float Confidence { get; private set; }

    public PlateBox Box { get; private set; }

    public DateTimeOffset CapturedAtUtc { get; private set; }

    /// <summary>The copied pixels, valid until the next <see cref="Capture"/> or <see cref="Release"/>.</summary>
    public BgrImage Image => new(_pixels.AsMemory(0, _width * _height * BgrImage.BytesPerPixel), _width, _height);

    public void Capture(BgrImage image, in PlateRead read, DateTimeOffset capturedAtUtc)
    {
        var length = image.Width * image.Height * BgrImage.BytesPerPixel;
        if (_pixels is null || _pixels.Length < length)
        {
            Release();
            _pixels = ArrayPool<byte>.Shared.Rent(length);
        }

        image.Span[..length].CopyTo(_pixels);
        (_width, _height) = (image.Width, image.Height);
        (Text, Confidence, Box, CapturedAtUtc) = (read.Text, read.Confidence, read.Box, capturedAtUtc);
    }

    /// <summary>Gives the buffer back to the pool; the next <see cref="Capture"/> rents again.</summary>
    public void Release()
    {
        if (_pixels is not null)
        {
            ArrayPool<byte>.Shared.Return(_pixels);
            _pixels = null;
        }
    }
}
