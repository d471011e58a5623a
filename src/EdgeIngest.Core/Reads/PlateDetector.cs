using EdgeIngest.Frames;
using EdgeIngest.Interop.Onnx;

namespace EdgeIngest.Reads;

/// <summary>
/// The project's own plate detector (training/plate-detector/: a 0.7 M-parameter CenterNet that
/// boxes whole plates only, not the signs, slogans and dealer frames a text detector also finds).
/// It sees the frame letterboxed into a fixed 640×384 input (top-left, grey 114 padding, BGR / 255;
/// the network normalises itself) and predicts a heatmap of plate centres with a size and offset
/// per cell at stride 4. Post-processing follows training/plate-detector/decode.py, the reference
/// the validation figures were measured with: 3×3 peaks above a threshold, boxes back in frame
/// pixels, greedy NMS. The input never changes shape, so every tensor stays bound.
/// </summary>
internal sealed class PlateDetector : IRegionFinder
{
    public const int InputWidth = 640;
    public const int InputHeight = 384;
    public const int Stride = 4;
    public const int GridWidth = InputWidth / Stride;
    public const int GridHeight = InputHeight / Stride;

    private const float PadValue = 114f / 255f;
    private const int MaxPeaks = 100;
    private const float NmsIou = 0.5f;
    private static readonly ChannelNormalization UnitRange = new(1f / 255, 1f / 255, 1f / 255, 0, 0, 0);

    private readonly IInferenceSession session;
    private readonly float threshold;
    private readonly PinnedTensor input = new(1, 3, InputHeight, InputWidth);
    private readonly PinnedTensor heatmap = new(1, 1, GridHeight, GridWidth);
    private readonly PinnedTensor boxes = new(1, 4, GridHeight, GridWidth);

    // Every cell can be a peak only in theory; sized once so a noisy frame never allocates.
    private readonly Peak[] peaks = new Peak[GridWidth * GridHeight];
    private readonly bool[] suppressed = new bool[MaxPeaks];

    public PlateDetector(IInferenceSession session, float threshold)
    {
        ModelContract.RequirePlateDetector(session, InputWidth, InputHeight, Stride);
        this.session = session;
        this.threshold = threshold;
    }

    /// <summary>Appends the plates found in <paramref name="image"/>, in frame pixels, to <paramref name="regions"/>.</summary>
    public void Detect(BgrImage image, List<TextRegion> regions)
    {
        var scale = Preprocess(image);
        Infer();
        PostProcess(image, scale, regions);
    }

    // The three steps of Detect, apart so benchmarks can time each on the real code.

    /// <summary>Letterboxes <paramref name="image"/> into the input tensor; returns the scale applied.</summary>
    public float Preprocess(BgrImage image)
    {
        var scale = Math.Min((float)InputWidth / image.Width, (float)InputHeight / image.Height);
        var width = Math.Clamp((int)MathF.Round(image.Width * scale), 1, InputWidth);
        var height = Math.Clamp((int)MathF.Round(image.Height * scale), 1, InputHeight);
        var tensor = input.Span;
        const int plane = InputWidth * InputHeight;
        for (var c = 0; c < 3; c++)
        {
            var channel = tensor.Slice(c * plane, plane);
            for (var y = 0; y < height; y++)
            {
                channel.Slice((y * InputWidth) + width, InputWidth - width).Fill(PadValue);
            }

            channel[(height * InputWidth)..].Fill(PadValue);
        }

        // Bilinear with OpenCV's pixel alignment: at 1280×720 → 640×360 each output pixel is
        // exactly the mean of a 2×2 block, the area resampling the model was trained with.
        PlanarResampler.Resample(image, new PlateBox(0, 0, image.Width, image.Height), width, height, tensor, plane, InputWidth, UnitRange);
        return scale;
    }

    /// <summary>Runs the model over the input tensor as <see cref="Preprocess"/> left it.</summary>
    public void Infer() => session.Run([input], [heatmap, boxes]);

    /// <summary>Turns the outputs of the last <see cref="Infer"/> into plate boxes in <paramref name="image"/>'s pixels.</summary>
    public void PostProcess(BgrImage image, float scale, List<TextRegion> regions)
    {
        var count = FindPeaks(heatmap.Span);
        var found = peaks.AsSpan(0, count);
        found.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        found = found[..Math.Min(count, MaxPeaks)];

        var box = boxes.Span;
        const int plane = GridWidth * GridHeight;
        var kept = 0;
        for (var i = 0; i < found.Length; i++)
        {
            ref var peak = ref found[i];
            var cell = peak.Cell;
            var centreX = ((cell % GridWidth) + box[cell]) * Stride / scale;
            var centreY = ((cell / GridWidth) + box[plane + cell]) * Stride / scale;
            var halfWidth = box[(2 * plane) + cell] / (2 * scale);
            var halfHeight = box[(3 * plane) + cell] / (2 * scale);
            if (centreX > image.Width || centreY > image.Height)
            {
                continue; // a peak in the grey padding
            }

            peak.Left = Math.Clamp(centreX - halfWidth, 0, image.Width);
            peak.Top = Math.Clamp(centreY - halfHeight, 0, image.Height);
            peak.Right = Math.Clamp(centreX + halfWidth, 0, image.Width);
            peak.Bottom = Math.Clamp(centreY + halfHeight, 0, image.Height);
            found[kept++] = peak;
        }

        Suppress(found[..kept], regions);
    }

    public void Dispose() => session.Dispose();

    /// <summary>Cells at or above the threshold that are the maximum of their 3×3 neighbourhood (ties count).</summary>
    private int FindPeaks(ReadOnlySpan<float> map)
    {
        var count = 0;
        for (var y = 0; y < GridHeight; y++)
        {
            var row = y * GridWidth;
            for (var x = 0; x < GridWidth; x++)
            {
                var value = map[row + x];
                if (value >= threshold && IsLocalMaximum(map, x, y, value))
                {
                    peaks[count++] = new Peak { Cell = row + x, Score = value };
                }
            }
        }

        return count;
    }

    private static bool IsLocalMaximum(ReadOnlySpan<float> map, int x, int y, float value)
    {
        for (var ny = Math.Max(0, y - 1); ny <= Math.Min(GridHeight - 1, y + 1); ny++)
        {
            for (var nx = Math.Max(0, x - 1); nx <= Math.Min(GridWidth - 1, x + 1); nx++)
            {
                if (map[(ny * GridWidth) + nx] > value)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Greedy NMS, best first, over peaks sorted by score; survivors go to <paramref name="regions"/>.</summary>
    private void Suppress(ReadOnlySpan<Peak> candidates, List<TextRegion> regions)
    {
        var gone = suppressed.AsSpan(0, candidates.Length);
        gone.Clear();
        for (var i = 0; i < candidates.Length; i++)
        {
            if (gone[i])
            {
                continue;
            }

            var peak = candidates[i];
            var x0 = (int)MathF.Round(peak.Left);
            var y0 = (int)MathF.Round(peak.Top);
            var plate = new PlateBox(x0, y0, (int)MathF.Round(peak.Right) - x0, (int)MathF.Round(peak.Bottom) - y0);
            if (plate.Width > 0 && plate.Height > 0)
            {
                regions.Add(new TextRegion(plate, peak.Score));
            }

            for (var j = i + 1; j < candidates.Length; j++)
            {
                gone[j] |= Iou(peak, candidates[j]) > NmsIou;
            }
        }
    }

    private static float Iou(in Peak a, in Peak b)
    {
        var width = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var height = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = width * height;
        var union = ((a.Right - a.Left) * (a.Bottom - a.Top)) + ((b.Right - b.Left) * (b.Bottom - b.Top)) - intersection;
        return union > 0 ? intersection / union : 0;
    }

    /// <summary>A heatmap peak: its cell, score and (once decoded) box in frame pixels.</summary>
    private struct Peak
    {
        public int Cell;
        public float Score;
        public float Left;
        public float Top;
        public float Right;
        public float Bottom;
    }
}
