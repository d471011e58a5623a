namespace EdgeIngest.Reads;

/// <summary>
/// Whether a plate box the finder found is the plate of a vehicle known to stand there (a parked
/// one's): most of the found box lies inside the known box, and it is not much bigger. A parked
/// plate's box jitters by a few pixels from frame to frame, and a car passing in front may leave
/// only part of it in view (a box over its first characters); a passing car's own plate is
/// bigger (nearer) or elsewhere.
/// </summary>
public static class StandingPlate
{
    private const float MinInside = 0.6f;
    private const float MaxGrowth = 1.5f;

    /// <summary>The index in <paramref name="standing"/> of the box <paramref name="found"/> stands on, or -1.</summary>
    public static int IndexOf(PlateBox found, ReadOnlySpan<PlateBox> standing)
    {
        for (var i = 0; i < standing.Length; i++)
        {
            if (Stands(found, standing[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="found"/> is (part of) the plate standing at <paramref name="standing"/>.</summary>
    public static bool Stands(PlateBox found, PlateBox standing)
    {
        if (found.Area <= 0 || found.Area > MaxGrowth * standing.Area)
        {
            return false;
        }

        var width = Math.Min(found.Right, standing.Right) - Math.Max(found.X, standing.X);
        var height = Math.Min(found.Bottom, standing.Bottom) - Math.Max(found.Y, standing.Y);
        return width > 0 && height > 0 && (long)width * height >= MinInside * found.Area;
    }
}
