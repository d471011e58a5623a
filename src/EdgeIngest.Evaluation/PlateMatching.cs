using EdgeIngest.Reads;

namespace EdgeIngest.Evaluation;

/// <summary>The rules that decide whether a plate was found and whether it was read.</summary>
public static class PlateMatching
{
    /// <summary>Share of the smaller of the two boxes that must lie inside the other.</summary>
    public const double MinCoverage = 0.5;

    /// <summary>Intersection over union a text box must also reach, so a box far larger than the plate does not count.</summary>
    public const double MinIou = 0.3;

    /// <summary>
    /// Plates read equal when they agree character by character in upper case, with O and 0
    /// counted the same (many US states use one glyph for both).
    /// </summary>
    public static bool SameText(string read, string truth)
    {
        if (read.Length != truth.Length)
        {
            return false;
        }

        for (var i = 0; i < read.Length; i++)
        {
            if (Fold(read[i]) != Fold(truth[i]))
            {
                return false;
            }
        }

        return true;

        static char Fold(char c) => char.ToUpperInvariant(c) == 'O' ? '0' : char.ToUpperInvariant(c);
    }

    /// <summary>
    /// A detector box finds a true plate when at least half of the smaller of the two boxes lies
    /// inside the other and their IoU is at least 0.3. The detector boxes the plate's text line
    /// (grown by the unclip margin), which on a tall old-style plate is well under half of the
    /// annotated outline; "half of the smaller box" accepts that line but not a stray box that
    /// merely touches the plate, and the IoU floor rejects boxes far larger or smaller than it.
    /// </summary>
    public static bool Finds(PlateBox detected, PlateBox truth)
    {
        var width = Math.Min(detected.Right, truth.Right) - Math.Max(detected.X, truth.X);
        var height = Math.Min(detected.Bottom, truth.Bottom) - Math.Max(detected.Y, truth.Y);
        if (width <= 0 || height <= 0)
        {
            return false;
        }

        double intersection = (long)width * height;
        var union = (double)detected.Area + truth.Area - intersection;
        return intersection / Math.Min(detected.Area, truth.Area) >= MinCoverage && intersection / union >= MinIou;
    }
}
