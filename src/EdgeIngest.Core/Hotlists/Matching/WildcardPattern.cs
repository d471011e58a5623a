namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// A listed partial plate: <c>?</c> stands for exactly one character, <c>*</c> for any run of
/// them, the empty run included (<c>AB?123</c>, <c>*123</c>, <c>7AB*</c>). Its literal characters
/// are compared exactly, not as look-alikes: a partial plate is already a guess, and widening it
/// further would hit too many vehicles. Its anchor (the literals before the first <c>*</c> and
/// after the last, or the whole pattern without one) is what <see cref="WildcardIndex"/> looks up.
/// </summary>
internal static class WildcardPattern
{
    /// <summary>The longest pattern accepted (the anchor's wildcard positions are a 64-bit mask).</summary>
    public const int MaxLength = 32;

    /// <summary>Fewer literal characters than this would match a large share of all traffic.</summary>
    public const int MinLiterals = 2;

    /// <summary>Why <paramref name="pattern"/> (normalised) cannot be listed, or null.</summary>
    public static string? ProblemWith(string pattern)
    {
        if (pattern.Length > MaxLength)
        {
            return $"wildcard plate '{pattern}' is longer than {MaxLength} characters";
        }

        var literals = pattern.Length - pattern.Count(c => c is PlateText.AnyOne or PlateText.AnyRun);
        return literals < MinLiterals
            ? $"wildcard plate '{pattern}' needs at least {MinLiterals} letters or digits: it would hit far too many vehicles"
            : null;
    }

    /// <summary>Characters before the first <c>*</c> (the whole pattern when it has none).</summary>
    public static int PrefixLength(ReadOnlySpan<char> pattern) => pattern.IndexOf(PlateText.AnyRun) is var star and >= 0 ? star : pattern.Length;

    /// <summary>Characters after the last <c>*</c> (0 when it has none).</summary>
    public static int SuffixLength(ReadOnlySpan<char> pattern) => pattern.LastIndexOf(PlateText.AnyRun) is var star and >= 0 ? pattern.Length - star - 1 : 0;

    /// <summary>True when <paramref name="text"/> (a normalised read) fits <paramref name="pattern"/>.</summary>
    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == PlateText.AnyOne || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == PlateText.AnyRun)
            {
                star = p++;
                starText = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == PlateText.AnyRun)
        {
            p++;
        }

        return p == pattern.Length;
    }
}
