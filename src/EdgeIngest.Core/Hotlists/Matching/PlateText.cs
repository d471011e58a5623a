namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// Plate text in the form the index compares: upper case, letters and digits only (and, in a
/// listed partial plate, the wildcards <c>?</c> and <c>*</c>). Spaces, dashes and dots on the
/// plate or in the agency's list never decide a match.
/// </summary>
internal static class PlateText
{
    public const char AnyOne = '?';
    public const char AnyRun = '*';

    /// <summary>
    /// Writes the normalised form of a read into <paramref name="destination"/> and returns its
    /// length; -1 when it does not fit (no plate is that long, so nothing can match it).
    /// </summary>
    public static int NormaliseRead(ReadOnlySpan<char> read, Span<char> destination)
    {
        var length = 0;
        foreach (var c in read)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            if (length == destination.Length)
            {
                return -1;
            }

            destination[length++] = char.ToUpperInvariant(c);
        }

        return length;
    }

    /// <summary>
    /// The normalised form of a listed plate: <paramref name="plate"/> itself when already
    /// normalised (lists usually are, so the index keeps no second copy). Wildcards are kept, and
    /// a run of <c>*</c> is one <c>*</c>.
    /// </summary>
    public static string NormaliseListed(string plate)
    {
        if (IsNormalisedListed(plate))
        {
            return plate;
        }

        var buffer = new System.Text.StringBuilder(plate.Length);
        foreach (var c in plate)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == AnyOne || (c == AnyRun && (buffer.Length == 0 || buffer[^1] != AnyRun)))
            {
                buffer.Append(char.ToUpperInvariant(c));
            }
        }

        return buffer.ToString();
    }

    public static bool IsWildcard(ReadOnlySpan<char> listed) => listed.IndexOfAny(AnyOne, AnyRun) >= 0;

    private static bool IsNormalisedListed(string plate)
    {
        for (var i = 0; i < plate.Length; i++)
        {
            var c = plate[i];
            var ok = char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c == AnyOne || (c == AnyRun && (i == 0 || plate[i - 1] != AnyRun));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
