using EdgeIngest.Hotlists;

namespace EdgeIngest.Tracks;

/// <summary>
/// Edit distance (Levenshtein: insertions, deletions, substitutions) between two plate texts,
/// on the stack. With look-alikes folded (<see cref="PlateKey.Fold"/>) 6/G or 8/B cost nothing:
/// to ask "is this the same plate?" a misread must not look like another car.
/// </summary>
internal static class PlateTextDistance
{
    public static int Between(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool foldLookAlikes)
    {
        a = a[..Math.Min(a.Length, PlateKey.MaxLength)];
        b = b[..Math.Min(b.Length, PlateKey.MaxLength)];
        Span<int> previous = stackalloc int[PlateKey.MaxLength + 1];
        Span<int> current = stackalloc int[PlateKey.MaxLength + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (Same(a[i - 1], b[j - 1], foldLookAlikes) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }

    private static bool Same(char a, char b, bool foldLookAlikes) =>
        a == b || (foldLookAlikes && PlateKey.Fold(a) == PlateKey.Fold(b));
}
