using EdgeIngest.Frames;

namespace EdgeIngest.Reads;

/// <summary>
/// Bilinear resampling of a region of a packed BGR frame straight into the channel planes of an
/// NCHW float tensor, normalising on the way: one pass, no intermediate image. Pixel centres are
/// aligned as OpenCV's <c>resize</c> aligns them, which is what the models saw in training.
/// The horizontal taps (two source columns and a weight per output column) are the same on every
/// row, so they are worked out once per call, on the stack; the inner loop only loads and blends.
/// </summary>
internal static class PlanarResampler
{
    // Wider than any tensor here (the text detector's 960 at most); keeps the taps on the stack.
    private const int MaxStackColumns = 2048;

    /// <param name="image">The full-resolution frame.</param>
    /// <param name="region">The part of the frame to sample; must lie inside it.</param>
    /// <param name="width">Output width in pixels.</param>
    /// <param name="height">Output height in pixels.</param>
    /// <param name="tensor">Tensor data; plane c starts at <c>c * planeSize</c>.</param>
    /// <param name="planeSize">Elements per channel plane (tensor height × tensor width).</param>
    /// <param name="rowStride">Elements per tensor row (the tensor width, ≥ <paramref name="width"/>).</param>
    /// <param name="normalization">Per-channel affine map applied to each sampled value.</param>
    public static void Resample(
        BgrImage image, PlateBox region, int width, int height, Span<float> tensor, int planeSize, int rowStride, ChannelNormalization normalization)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxStackColumns);
        if (region.Width == 2 * width && region.Height == 2 * height)
        {
            HalveExactly(image, region, width, height, tensor, planeSize, rowStride, normalization);
            return;
        }

        var pixels = image.Span;
        var stride = image.Stride;
        var scaleX = (float)region.Width / width;
        var scaleY = (float)region.Height / height;
        var blue = tensor[..planeSize];
        var green = tensor.Slice(planeSize, planeSize);
        var red = tensor.Slice(2 * planeSize, planeSize);

        Span<int> left = stackalloc int[width];
        Span<int> right = stackalloc int[width];
        Span<float> rightWeight = stackalloc float[width];
        for (var x = 0; x < width; x++)
        {
            var (x0, x1, wx) = Neighbours(x, scaleX, region.X, region.Width);
            left[x] = x0 * 3;
            right[x] = x1 * 3;
            rightWeight[x] = wx;
        }

        for (var y = 0; y < height; y++)
        {
            var (y0, y1, wy) = Neighbours(y, scaleY, region.Y, region.Height);
            var row0 = pixels.Slice(y0 * stride, stride);
            var row1 = pixels.Slice(y1 * stride, stride);
            var outRow = y * rowStride;
            var outBlue = blue.Slice(outRow, width);
            var outGreen = green.Slice(outRow, width);
            var outRed = red.Slice(outRow, width);
            for (var x = 0; x < width; x++)
            {
                var i00 = left[x];
                var i01 = right[x];
                var wx = rightWeight[x];
                var w01 = wx * (1 - wy);
                var w00 = (1 - wy) - w01;
                var w11 = wx * wy;
                var w10 = wy - w11;
                var b = (row0[i00] * w00) + (row0[i01] * w01) + (row1[i00] * w10) + (row1[i01] * w11);
                var g = (row0[i00 + 1] * w00) + (row0[i01 + 1] * w01) + (row1[i00 + 1] * w10) + (row1[i01 + 1] * w11);
                var r = (row0[i00 + 2] * w00) + (row0[i01 + 2] * w01) + (row1[i00 + 2] * w10) + (row1[i01 + 2] * w11);
                outBlue[x] = (b * normalization.ScaleB) + normalization.BiasB;
                outGreen[x] = (g * normalization.ScaleG) + normalization.BiasG;
                outRed[x] = (r * normalization.ScaleR) + normalization.BiasR;
            }
        }
    }

    /// <summary>
    /// Exactly half size (a 1280×720 frame into the plate detector's 640×360): OpenCV-aligned
    /// bilinear sampling then lands midway between two pixels on both axes, so each output pixel
    /// is the mean of a 2×2 block: integer sums, one multiply, no taps.
    /// </summary>
    private static void HalveExactly(
        BgrImage image, PlateBox region, int width, int height, Span<float> tensor, int planeSize, int rowStride, ChannelNormalization normalization)
    {
        var pixels = image.Span;
        var stride = image.Stride;
        var (scaleB, scaleG, scaleR) = (normalization.ScaleB * 0.25f, normalization.ScaleG * 0.25f, normalization.ScaleR * 0.25f);
        for (var y = 0; y < height; y++)
        {
            var row0 = pixels.Slice(((region.Y + (2 * y)) * stride) + (region.X * 3), width * 6);
            var row1 = pixels.Slice(((region.Y + (2 * y) + 1) * stride) + (region.X * 3), width * 6);
            var outBlue = tensor.Slice(y * rowStride, width);
            var outGreen = tensor.Slice(planeSize + (y * rowStride), width);
            var outRed = tensor.Slice((2 * planeSize) + (y * rowStride), width);
            for (var x = 0; x < width; x++)
            {
                var i = x * 6;
                outBlue[x] = ((row0[i] + row0[i + 3] + row1[i] + row1[i + 3]) * scaleB) + normalization.BiasB;
                outGreen[x] = ((row0[i + 1] + row0[i + 4] + row1[i + 1] + row1[i + 4]) * scaleG) + normalization.BiasG;
                outRed[x] = ((row0[i + 2] + row0[i + 5] + row1[i + 2] + row1[i + 5]) * scaleR) + normalization.BiasR;
            }
        }
    }

    /// <summary>The two source pixels either side of output pixel <paramref name="i"/> and the weight of the second.</summary>
    private static (int Low, int High, float Weight) Neighbours(int i, float scale, int start, int length)
    {
        var source = ((i + 0.5f) * scale) - 0.5f;
        if (source <= 0)
        {
            return (start, start, 0f);
        }

        var low = (int)source;
        if (low >= length - 1)
        {
            return (start + length - 1, start + length - 1, 0f);
        }

        return (start + low, start + low + 1, source - low);
    }
}
