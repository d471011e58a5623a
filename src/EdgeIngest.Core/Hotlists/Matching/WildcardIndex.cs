namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// The partial plates of a list, in <see cref="WildcardGroup"/>s by anchor shape. Lists hold few
/// of them (about 1 %), and their shapes are fewer still, so a read costs one span lookup per
/// shape. Immutable once built.
/// </summary>
internal sealed class WildcardIndex
{
    private readonly WildcardGroup[] _groups;
    private readonly (string Pattern, HotlistEntry Entry)[] _listings;

    /// <summary>Indexes <paramref name="patterns"/> (normalised, each checked by <see cref="WildcardPattern.ProblemWith"/>).</summary>
    public WildcardIndex(IReadOnlyList<(string Pattern, HotlistEntry Entry)> patterns)
    {
        var groups = new Dictionary<(int, int, bool, ulong), WildcardGroup>();
        foreach (var (pattern, entry) in patterns)
        {
            var prefix = WildcardPattern.PrefixLength(pattern);
            var suffix = WildcardPattern.SuffixLength(pattern);
            var hasRun = prefix < pattern.Length;
            var mask = 0UL;
            for (var i = 0; i < prefix + suffix; i++)
            {
                var c = i < prefix ? pattern[i] : pattern[pattern.Length - suffix + (i - prefix)];
                mask |= c == PlateText.AnyOne ? 1UL << i : 0;
            }

            var shape = (prefix, suffix, hasRun, mask);
            if (!groups.TryGetValue(shape, out var group))
            {
                group = new WildcardGroup(prefix, suffix, hasRun, mask);
                groups[shape] = group;
            }

            group.Add(pattern, entry);
        }

        _groups = [.. groups.Values];
        _listings = [.. patterns];
    }

    public static WildcardIndex Empty { get; } = new([]);

    public int Count => _listings.Length;

    /// <summary>How many anchor shapes a read is looked up in.</summary>
    public int Shapes => _groups.Length;

    public IEnumerable<(string Pattern, HotlistEntry Entry)> Listings() => _listings;

    public int CountListed(string pattern) => _listings.Count(l => l.Pattern == pattern);

    public void Search(ReadOnlySpan<char> read, int reading, DateTimeOffset now, IReadOnlySet<string>? hidden, ref BestMatch best)
    {
        foreach (var group in _groups)
        {
            group.Search(read, reading, now, hidden, ref best);
        }
    }
}
