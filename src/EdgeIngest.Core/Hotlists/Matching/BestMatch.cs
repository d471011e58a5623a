namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// The best candidate seen so far while one read (and its alternatives) is matched: exact before
/// look-alike before wildcard, then the smaller distance, then the read's own text before its
/// alternatives, then the higher priority; on a full tie the first found stays. A struct on the
/// caller's stack, so a search allocates nothing.
/// </summary>
internal struct BestMatch(IReadOnlySet<string>? categories)
{
    public HotlistEntry? Entry;
    public MatchKind Kind;
    public int Distance;
    public int Reading;

    public readonly bool Found => Entry is not null;

    /// <summary>True once nothing better than the current best can be found by a look-alike search.</summary>
    public readonly bool IsExact => Entry is not null && Kind == MatchKind.Exact;

    /// <summary>Only entries of these categories are taken (null: all), e.g. those the sharing agreement allows.</summary>
    private readonly IReadOnlySet<string>? _categories = categories;

    public void Offer(HotlistEntry entry, MatchKind kind, int distance, int reading)
    {
        if ((Entry is null || IsBetter(entry, kind, distance, reading)) && (_categories is null || _categories.Contains(entry.Category)))
        {
            Entry = entry;
            Kind = kind;
            Distance = distance;
            Reading = reading;
        }
    }

    private readonly bool IsBetter(HotlistEntry entry, MatchKind kind, int distance, int reading)
    {
        if (kind != Kind)
        {
            return kind < Kind;
        }

        if (distance != Distance)
        {
            return distance < Distance;
        }

        if (reading != Reading)
        {
            return reading < Reading;
        }

        return entry.Priority > Entry!.Priority;
    }
}
