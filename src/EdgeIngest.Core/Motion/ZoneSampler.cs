using EdgeIngest.Frames;

namespace EdgeIngest.Motion;

/// <summary>
/// Where the motion gate looks: one pixel per 8×8 cell of the frame (its centre), kept only when
/// that centre lies in the zone, as byte offsets into the BGR frame. The offsets are worked out
/// once per resolution, so the per-frame sampling is a gather over a flat list with no geometry,
/// and cells outside the zone cost nothing at all.
/// </summary>
internal sealed class ZoneSampler(DetectionZone zone)
{
    /// <summary>Pixels per cell in each direction: 1/64 of the pixels still shows a car as hundreds of cells.</summary>
    public const int CellSize = 8;

    private int[] _offsets = [];

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Cells whose centre lies in the zone: the length of every luma grid for this resolution.</summary>
    public int Cells => _offsets.Length;

    /// <summary>True when <paramref name="image"/> has the resolution the offsets were worked out for.</summary>
    public bool Fits(BgrImage image) => image.Width == Width && image.Height == Height;

    /// <summary>Works the offsets out for a new resolution; the only allocation, once per resolution.</summary>
    public void Resize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var columns = Math.Max(1, width / CellSize);
        var rows = Math.Max(1, height / CellSize);
        var offsets = new List<int>(columns * rows);
        for (var row = 0; row < rows; row++)
        {
            var y = Math.Min((row * CellSize) + (CellSize / 2), height - 1);
            for (var column = 0; column < columns; column++)
            {
                var x = Math.Min((column * CellSize) + (CellSize / 2), width - 1);
                if (zone.Contains((x + 0.5) / width, (y + 0.5) / height))
                {
                    offsets.Add(((y * width) + x) * BgrImage.BytesPerPixel);
                }
            }
        }

        _offsets = [.. offsets];
        Width = width;
        Height = height;
    }

    /// <summary>
    /// Writes each zone cell's luma into <paramref name="luma"/> (length <see cref="Cells"/>).
    /// BT.601 weights in 1/256ths (29 B + 150 G + 77 R, summing to 256), integers only. A strided
    /// gather of 3 bytes per cell does not vectorise usefully; at 1/64 of the pixels it is cheap anyway.
    /// </summary>
    public void Sample(ReadOnlySpan<byte> bgr, Span<byte> luma)
    {
        var offsets = _offsets.AsSpan();
        if (luma.Length < offsets.Length || (offsets.Length > 0 && bgr.Length < offsets[^1] + BgrImage.BytesPerPixel))
        {
            throw new ArgumentException($"a {Width}x{Height} frame and {offsets.Length} luma cells were expected");
        }

        for (var i = 0; i < offsets.Length; i++)
        {
            var p = offsets[i];
            luma[i] = (byte)(((29 * bgr[p]) + (150 * bgr[p + 1]) + (77 * bgr[p + 2])) >> 8);
        }
    }
}
