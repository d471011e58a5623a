namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// The wildcard entries that share an anchor shape: the same number of characters before the
/// first <c>*</c> and after the last, with <c>?</c> at the same places among them, and either
/// a <c>*</c> or none. A read is cut to that shape (its first and last characters, the <c>?</c>
/// places blanked) and looked up by span, so ten thousand partial plates cost one lookup per
/// shape, not one comparison per entry.
/// </summary>
internal sealed class WildcardGroup(int prefixLength, int suffixLength, bool hasRun, ulong anyOneMask)
{
    private readonly Dictionary<string, List<(string Pattern, HotlistEntry Entry)>> _byAnchor = new(StringComparer.Ordinal);

    public int PrefixLength { get; } = prefixLength;

    public int SuffixLength { get; } = suffixLength;

    public bool HasRun { get; } = hasRun;

    public ulong AnyOneMask { get; } = anyOneMask;

    public void Add(string pattern, HotlistEntry entry)
    {
        var anchor = string.Concat(pattern.AsSpan(0, PrefixLength), pattern.AsSpan(pattern.Length - SuffixLength));
        if (!_byAnchor.TryGetValue(anchor, out var listed))
        {
            listed = [];
            _byAnchor[anchor] = listed;
        }

        listed.Add((pattern, entry));
    }

    /// <summary>Offers <paramref name="best"/> every unexpired entry of this group that fits <paramref name="read"/>.</summary>
    public void Search(ReadOnlySpan<char> read, int reading, DateTimeOffset now, IReadOnlySet<string>? hidden, ref BestMatch best)
    {
        var anchorLength = PrefixLength + SuffixLength;
        if (HasRun ? read.Length < anchorLength : read.Length != PrefixLength)
        {
            return;
        }

        Span<char> anchor = stackalloc char[anchorLength];
        read[..PrefixLength].CopyTo(anchor);
        read[(read.Length - SuffixLength)..].CopyTo(anchor[PrefixLength..]);
        for (var mask = AnyOneMask; mask != 0; mask &= mask - 1)
        {
            anchor[System.Numerics.BitOperations.TrailingZeroCount(mask)] = PlateText.AnyOne;
        }

        if (!_byAnchor.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(anchor, out var listed))
        {
            return;
        }

        foreach (var (pattern, entry) in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(listed))
        {
            if (!entry.IsExpiredAt(now) && (hidden is null || !hidden.Contains(pattern)) && WildcardPattern.Matches(pattern, read))
            {
                best.Offer(entry, MatchKind.Wildcard, 0, reading);
            }
        }
    }
}
