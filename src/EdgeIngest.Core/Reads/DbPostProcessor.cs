namespace EdgeIngest.Reads;

/// <summary>
/// Differentiable-binarisation post-processing, axis-aligned: threshold the detector's probability
/// map, take 8-connected components, keep those whose pixels' mean probability reaches the box
/// threshold, grow each box by the unclip distance (the model predicts shrunken text kernels) and map it to frame pixels.
/// PaddleOCR does the same with rotated rectangles and polygon offsetting; plates are near level,
/// so axis-aligned boxes lose little and need no geometry library. The score is the component's
/// own mean, not the mean over its bounding box as PaddleOCR's "fast" score: an axis-aligned box
/// around a tilted or faint plate takes in background, and scoring it dropped plates the detector
/// had found (on the eval set, under one fixed recall rule: 90.1 % → 91.9 % recall, 64.9 % →
/// 65.3 % exact reads). Buffers are sized once.
/// </summary>
internal sealed class DbPostProcessor
{
    private const byte Background = 0;
    private const byte Foreground = 1;
    private const byte Visited = 2;

    // Below this the component is noise (PaddleOCR's min_size); after unclipping, 2 more.
    private const int MinSide = 3;

    private readonly byte[] mask;
    private readonly int[] stack;
    private readonly float probabilityThreshold;
    private readonly float boxThreshold;
    private readonly float unclipRatio;
    private readonly int maxRegions;

    public DbPostProcessor(int maxMapPixels, float probabilityThreshold, float boxThreshold, float unclipRatio, int maxRegions)
    {
        mask = new byte[maxMapPixels];
        stack = new int[maxMapPixels];
        this.probabilityThreshold = probabilityThreshold;
        this.boxThreshold = boxThreshold;
        this.unclipRatio = unclipRatio;
        this.maxRegions = maxRegions;
    }

    /// <summary>
    /// Finds text boxes in a <paramref name="mapWidth"/>×<paramref name="mapHeight"/> map of
    /// <paramref name="region"/> and appends them, in frame pixels inside that region, to <paramref name="regions"/>.
    /// </summary>
    public void Extract(ReadOnlySpan<float> map, int mapWidth, int mapHeight, PlateBox region, List<TextRegion> regions)
    {
        var pixels = mapWidth * mapHeight;
        var bits = mask.AsSpan(0, pixels);
        for (var i = 0; i < pixels; i++)
        {
            bits[i] = map[i] > probabilityThreshold ? Foreground : Background;
        }

        var scaleX = (float)region.Width / mapWidth;
        var scaleY = (float)region.Height / mapHeight;
        for (var start = 0; start < pixels && regions.Count < maxRegions; start++)
        {
            if (bits[start] != Foreground)
            {
                continue;
            }

            var (left, top, right, bottom, score) = FloodFill(map, bits, start, mapWidth, mapHeight);
            var width = right - left + 1;
            var height = bottom - top + 1;
            if (Math.Min(width, height) < MinSide)
            {
                continue;
            }

            if (score < boxThreshold)
            {
                continue;
            }

            // Unclip: offset the box outwards by area × ratio / perimeter, as DB defines it.
            var distance = width * height * unclipRatio / (2f * (width + height));
            if (Math.Min(width, height) + (2 * distance) < MinSide + 2)
            {
                continue;
            }

            var box = ToFrame(left - distance, top - distance, right + 1 + distance, bottom + 1 + distance, scaleX, scaleY, region);
            if (box.Width > 0 && box.Height > 0)
            {
                regions.Add(new TextRegion(box, score));
            }
        }
    }

    private static PlateBox ToFrame(float left, float top, float right, float bottom, float scaleX, float scaleY, PlateBox region)
    {
        var x0 = region.X + Math.Clamp((int)MathF.Round(left * scaleX), 0, region.Width);
        var y0 = region.Y + Math.Clamp((int)MathF.Round(top * scaleY), 0, region.Height);
        var x1 = region.X + Math.Clamp((int)MathF.Round(right * scaleX), 0, region.Width);
        var y1 = region.Y + Math.Clamp((int)MathF.Round(bottom * scaleY), 0, region.Height);
        return new PlateBox(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>Marks one component visited; returns its bounding box and its mean probability.</summary>
    private (int Left, int Top, int Right, int Bottom, float Score) FloodFill(
        ReadOnlySpan<float> map, Span<byte> bits, int start, int mapWidth, int mapHeight)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1, count = 0;
        double sum = 0;
        var depth = 0;
        stack[depth++] = start;
        bits[start] = Visited;
        while (depth > 0)
        {
            var index = stack[--depth];
            sum += map[index];
            count++;
            var x = index % mapWidth;
            var y = index / mapWidth;
            left = Math.Min(left, x);
            right = Math.Max(right, x);
            top = Math.Min(top, y);
            bottom = Math.Max(bottom, y);
            for (var dy = -1; dy <= 1; dy++)
            {
                var ny = y + dy;
                if ((uint)ny >= (uint)mapHeight)
                {
                    continue;
                }

                for (var dx = -1; dx <= 1; dx++)
                {
                    var nx = x + dx;
                    var neighbour = (ny * mapWidth) + nx;
                    if ((uint)nx < (uint)mapWidth && bits[neighbour] == Foreground)
                    {
                        bits[neighbour] = Visited;
                        stack[depth++] = neighbour;
                    }
                }
            }
        }

        return (left, top, right, bottom, (float)(sum / count));
    }
}
