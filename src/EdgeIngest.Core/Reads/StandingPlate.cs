namespace EdgeIngest.Reads;

/// <summary>
/// Whether a plate the finder found is one already known to stand there (a parked vehicle's):
/// its box overlaps the known box by at least half of their union. A parked plate's box jitters
/// by a few pixels from frame to frame; one that moved by half its width has moved.
/// </summary>
public static class StandingPlate
{
    private const float MinOverlap = 0.5f;

    /// <summary>The index in <paramref name="standing"/> of the box <paramref name="found"/> is, or -1.</summary>
    public static int IndexOf(PlateBox found, ReadOnlySpan<PlateBox> standing)
    {
        for (var i = 0; i < standing.Length; i++)
        {
            if (IntersectionOverUnion(found, standing[i]) >= MinOverlap)
            {
                return i;
            }
        }

        return -1;
    }

    public static float IntersectionOverUnion(PlateBox a, PlateBox b)
    {
        var width = Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X);
        var height = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = (long)width * height;
        return (float)intersection / ((long)a.Area + b.Area - intersection);
    }
}
