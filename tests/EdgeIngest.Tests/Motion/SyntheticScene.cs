using EdgeIngest.Frames;

namespace EdgeIngest.Tests.Motion;

/// <summary>
/// Synthetic camera frames for the motion gate: a textured parking lot (so a moved object
/// uncovers something different), optional solid "cars", and optional sensor noise from a fixed
/// seed, so every frame of a test is reproducible.
/// </summary>
internal sealed class SyntheticScene(int width = 1280, int height = 720)
{
    public int Width => width;

    public int Height => height;

    /// <summary>A frame with the given cars (x, y, w, h in pixels) and ± <paramref name="noise"/> grey levels of noise.</summary>
    public BgrImage Frame(int noise = 0, int seed = 0, params (int X, int Y, int W, int H)[] cars)
    {
        var pixels = new byte[width * height * BgrImage.BytesPerPixel];
        var random = new Random(seed);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // Asphalt with a gentle gradient and painted bays every 160 px.
                var grey = x % 160 < 6 ? 220 : 70 + (y * 40 / height) + ((x / 32 % 2) * 8);
                var p = ((y * width) + x) * BgrImage.BytesPerPixel;
                pixels[p] = Clamp(grey + Noise(random, noise));
                pixels[p + 1] = Clamp(grey + Noise(random, noise));
                pixels[p + 2] = Clamp(grey + Noise(random, noise));
            }
        }

        foreach (var (cx, cy, cw, ch) in cars)
        {
            for (var y = Math.Max(0, cy); y < Math.Min(height, cy + ch); y++)
            {
                for (var x = Math.Max(0, cx); x < Math.Min(width, cx + cw); x++)
                {
                    // A dark blue car (luma 30), 40+ grey levels darker than any asphalt here.
                    var p = ((y * width) + x) * BgrImage.BytesPerPixel;
                    pixels[p] = 60;
                    pixels[p + 1] = 30;
                    pixels[p + 2] = 20;
                }
            }
        }

        return new BgrImage(pixels, width, height);
    }

    private static int Noise(Random random, int amplitude) => amplitude == 0 ? 0 : random.Next(-amplitude, amplitude + 1);

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
