namespace EdgeIngest.Reads;

/// <summary>
/// How well a read fits the plates of a region, used to rank the reads of one frame: a date
/// stamp, a phone number on a sign or a dealer's frame text can pass the generic plate rules and
/// sit in a bigger box than the plate, but it rarely looks like a standard plate of the region.
/// Ranking, never correcting: a read is kept exactly as recognised.
/// </summary>
public static class PlateFormats
{
    /// <summary>A read that looks like a standard plate of the region.</summary>
    public const int Typical = 2;

    /// <summary>A read that passes the plate rules but is unusual for the region (vanity, old series).</summary>
    public const int Possible = 1;

    private const int UsLongestStandard = 7;

    /// <summary>
    /// The most characters a standard plate of <paramref name="region"/> has (US: 7; any region:
    /// the longest plausible read). A read this long cannot be missing a character of a standard plate.
    /// </summary>
    public static int LongestStandard(PlateRegion region, PlateCandidateRules rules) =>
        region == PlateRegion.Us ? UsLongestStandard : rules.MaxLength;

    /// <summary>2 for a typical plate of <paramref name="region"/>, 1 otherwise (every region treats all plausible reads as possible).</summary>
    public static int Fit(ReadOnlySpan<char> text, PlateRegion region)
    {
        if (region == PlateRegion.Any)
        {
            return Possible;
        }

        // US: the standard series of every state is 5–7 characters, and all but a few old
        // all-digit series mix letters and digits (e.g. 7ABC123, ABC1234, 123ABC, AB12345).
        var letters = 0;
        var digits = 0;
        foreach (var c in text)
        {
            letters += char.IsAsciiLetter(c) ? 1 : 0;
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return text.Length is >= 5 and <= UsLongestStandard && letters > 0 && digits > 0 ? Typical : Possible;
    }
}
