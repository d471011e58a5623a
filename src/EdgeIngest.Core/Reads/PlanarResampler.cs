using EdgeIngest.Frames;

namespace EdgeIngest.Reads;

/// <summary>
/// Bilinear resampling of a region of a packed BGR frame straight into the channel planes of an
/// NCHW float tensor, normalising on the way: one pass, no intermediate image. Pixel centres are
/// aligned as OpenCV's <c>resize</c> aligns them, which is what the models saw in training.
/// </summary>
internal static class PlanarResampler
{
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
        var pixels = image.Span;
        var stride = image.Stride;
        var scaleX = (float)region.Width / width;
        var scaleY = (float)region.Height / height;
        var blue = tensor[..planeSize];
        var green = tensor.Slice(planeSize, planeSize);
        var red = tensor.Slice(2 * planeSize, planeSize);

        for (var y = 0; y < height; y++)
        {
            var (y0, y1, wy) = Neighbours(y, scaleY, region.Y, region.Height);
            var row0 = pixels.Slice(y0 * stride, stride);
            var row1 = pixels.Slice(y1 * stride, stride);
            var outRow = y * rowStride;
            for (var x = 0; x < width; x++)
            {
                var (x0, x1, wx) = Neighbours(x, scaleX, region.X, region.Width);
                var i00 = x0 * 3;
                var i01 = x1 * 3;
                var w00 = (1 - wx) * (1 - wy);
                var w01 = wx * (1 - wy);
                var w10 = (1 - wx) * wy;
                var w11 = wx * wy;
                var b = (row0[i00] * w00) + (row0[i01] * w01) + (row1[i00] * w10) + (row1[i01] * w11);
                var g = (row0[i00 + 1] * w00) + (row0[i01 + 1] * w01) + (row1[i00 + 1] * w10) + (row1[i01 + 1] * w11);
                var r = (row0[i00 + 2] * w00) + (row0[i01 + 2] * w01) + (row1[i00 + 2] * w10) + (row1[i01 + 2] * w11);
                blue[outRow + x] = (b * normalization.ScaleB) + normalization.BiasB;
                green[outRow + x] = (g * normalization.ScaleG) + normalization.BiasG;
                red[outRow + x] = (r * normalization.ScaleR) + normalization.BiasR;
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
