using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Reads;

/// <summary>
/// How well a read fits the plates of the configured regions (<see cref="PlateLayouts"/>), used to
/// rank the reads of one frame: a date stamp, a phone number on a sign or a dealer's frame text
/// can pass the generic plate rules and sit in a bigger box than the plate, but it rarely has the
/// layout of a standard plate of the region.
/// </summary>
public static class PlateFormats
{
    /// <summary>A read that has the layout of a standard plate of the region.</summary>
    public const int Typical = 2;

    /// <summary>A read that passes the plate rules but fits no layout (vanity, old series, no region).</summary>
    public const int Possible = 1;

    /// <summary>
    /// The most characters a standard plate of the region has (US: 7; no region: the longest
    /// plausible read). A read this long cannot be missing a character of a standard plate.
    /// </summary>
    public static int LongestStandard(PlateLayouts layouts, PlateCandidateRules rules)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        ArgumentNullException.ThrowIfNull(rules);
        return layouts.Count == 0 ? rules.MaxLength : layouts.Longest;
    }

    /// <summary><see cref="Typical"/> for a read that fits a layout as it is, <see cref="Possible"/> otherwise.</summary>
    public static int Fit(ReadOnlySpan<char> text, PlateLayouts layouts)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        return layouts.Fits(text) ? Typical : Possible;
    }
}
