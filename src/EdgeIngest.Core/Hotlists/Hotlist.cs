using EdgeIngest.Hotlists.Matching;

namespace EdgeIngest.Hotlists;

/// <summary>
/// The plates the agency is looking for, indexed so that a read finds, in well under a
/// millisecond on a million entries and without allocating: an <see cref="MatchKind.Exact"/>
/// listing (after normalisation), a <see cref="MatchKind.LookAlike"/> one (OCR look-alikes
/// swapped, <see cref="LookAlikeClasses"/>, within <see cref="HotlistMatchOptions"/>), or a
/// <see cref="MatchKind.Wildcard"/> partial plate (<c>AB?123</c>, <c>*123</c>). The best match
/// wins: exact over look-alike over wildcard, then the smaller distance, then the read's own text
/// over its alternatives, then the higher priority. Expired entries never match.
/// Immutable: <see cref="Apply"/> returns a new list, so the recognition thread swaps one
/// reference. It is a large base plus a small layer of what deltas changed, so a delta costs
/// in proportion to its own size until the changes reach 1/16 of the base and it is rebuilt.
/// </summary>
public sealed class Hotlist
{
    /// <summary>Reads longer than this (after normalisation) match nothing; no plate comes near.</summary>
    private const int MaxReadLength = WildcardPattern.MaxLength;

    private const int CompactionFloor = 4096;
    private const int CompactionDivisor = 16;
    private const int MaxReportedProblems = 20;

    private readonly HotlistLayer _base;
    private readonly HotlistLayer _changes;

    // Keys whose base listings a delta removed or replaced, and how many base listings that hides.
    private readonly HashSet<string>? _superseded;
    private readonly int _supersededInBase;

    public Hotlist(IEnumerable<HotlistEntry> entries)
        : this(entries, HotlistMatchOptions.Default)
    {
    }

    /// <summary>Indexes <paramref name="entries"/>; throws <see cref="ArgumentException"/> naming every plate that cannot be listed (<see cref="ProblemWith"/>).</summary>
    public Hotlist(IEnumerable<HotlistEntry> entries, HotlistMatchOptions options)
        : this(new HotlistLayer(Keyed(entries)), HotlistLayer.Empty, null, 0, options)
    {
    }

    private Hotlist(HotlistLayer @base, HotlistLayer changes, HashSet<string>? superseded, int supersededInBase, HotlistMatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _base = @base;
        _changes = changes;
        _superseded = superseded;
        _supersededInBase = supersededInBase;
        Options = options;
    }

    public static Hotlist Empty { get; } = new([]);

    public HotlistMatchOptions Options { get; }

    /// <summary>Entries in force (expired ones included: they are still listed, they just stop matching).</summary>
    public int Count => _base.Count - _supersededInBase + _changes.Count;

    /// <summary>Every entry in force, in no particular order.</summary>
    public IEnumerable<HotlistEntry> Entries => LiveListings().Select(l => l.Entry);

    /// <summary>Why <paramref name="plate"/> cannot be listed (for a loader to report with file and line), or null.</summary>
    public static string? ProblemWith(string plate)
    {
        ArgumentNullException.ThrowIfNull(plate);
        HotlistLayer.KeyOf(plate, out var problem);
        return problem;
    }

    /// <summary>The best match for <paramref name="read"/> at <paramref name="now"/>, or null. Allocates nothing.</summary>
    public HotlistMatch? Match(string read, DateTimeOffset now) => Match(new ReadOnlySpan<string>(in read), now);

    /// <summary>The best match for <paramref name="read"/>; allocates only the matched reading's string on a hit.</summary>
    public HotlistMatch? Match(ReadOnlySpan<char> read, DateTimeOffset now)
    {
        Span<char> buffer = stackalloc char[MaxReadLength];
        var best = default(BestMatch);
        var length = PlateText.NormaliseRead(read, buffer);
        if (length > 0)
        {
            SearchPlates(buffer[..length], 0, now, ref best);
            if (!best.Found)
            {
                SearchWildcards(buffer[..length], 0, now, ref best);
            }
        }

        return best.Found ? new HotlistMatch(best.Entry!, best.Kind, best.Distance, read.ToString()) : null;
    }

    /// <summary>
    /// The best match over a read's text (<paramref name="readings"/>[0]) and the tracker's
    /// alternative readings after it. A whole-plate match on any reading beats a wildcard on any;
    /// between equal kinds and distances the earlier reading wins. Allocates nothing.
    /// </summary>
    public HotlistMatch? Match(ReadOnlySpan<string> readings, DateTimeOffset now) => Match(readings, now, null);

    /// <summary>
    /// As <see cref="Match(ReadOnlySpan{string}, DateTimeOffset)"/>, among entries whose category is
    /// in <paramref name="categories"/> only (null: every category): the best match a sharing
    /// agreement allows, which may be a weaker one than the best match overall. Allocates nothing.
    /// </summary>
    public HotlistMatch? Match(ReadOnlySpan<string> readings, DateTimeOffset now, IReadOnlySet<string>? categories)
    {
        Span<char> buffer = stackalloc char[MaxReadLength];
        var best = new BestMatch(categories);
        for (var r = 0; r < readings.Length && !best.IsExact; r++)
        {
            var length = PlateText.NormaliseRead(readings[r], buffer);
            if (length > 0)
            {
                SearchPlates(buffer[..length], r, now, ref best);
            }
        }

        for (var r = 0; r < readings.Length && !best.Found; r++)
        {
            var length = PlateText.NormaliseRead(readings[r], buffer);
            if (length > 0)
            {
                SearchWildcards(buffer[..length], r, now, ref best);
            }
        }

        return best.Found ? new HotlistMatch(best.Entry!, best.Kind, best.Distance, readings[best.Reading]) : null;
    }

    /// <summary>
    /// This list with a delta applied: every listing of a plate in <paramref name="removals"/> goes,
    /// then every plate in <paramref name="upserts"/> is listed by the upserts alone (replacing
    /// whatever listed it before). Plates compare normalised. Returns a new list; this one is
    /// unchanged. Throws <see cref="ArgumentException"/> naming every upsert that cannot be listed.
    /// </summary>
    public Hotlist Apply(IEnumerable<HotlistEntry> upserts, IEnumerable<string> removals)
    {
        ArgumentNullException.ThrowIfNull(removals);
        var upserted = Keyed(upserts);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var removal in removals)
        {
            changed.Add(PlateText.NormaliseListed(removal));
        }

        foreach (var (key, _) in upserted)
        {
            changed.Add(key);
        }

        var superseded = _superseded is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(_superseded, StringComparer.Ordinal);
        var supersededInBase = _supersededInBase;
        foreach (var key in changed)
        {
            if (superseded.Add(key))
            {
                supersededInBase += _base.CountListed(key);
            }
        }

        var changes = _changes.Listings().Where(l => !changed.Contains(l.Key)).Concat(upserted).ToList();
        if (changes.Count + superseded.Count > Math.Max(CompactionFloor, _base.Count / CompactionDivisor))
        {
            var live = _base.Listings().Where(l => !superseded.Contains(l.Key)).Concat(changes);
            return new Hotlist(new HotlistLayer(live), HotlistLayer.Empty, null, 0, Options);
        }

        return new Hotlist(_base, new HotlistLayer(changes), superseded, supersededInBase, Options);
    }

    private IEnumerable<(string Key, HotlistEntry Entry)> LiveListings()
    {
        var superseded = _superseded;
        var fromBase = superseded is null ? _base.Listings() : _base.Listings().Where(l => !superseded.Contains(l.Key));
        return fromBase.Concat(_changes.Listings());
    }

    private void SearchPlates(ReadOnlySpan<char> read, int reading, DateTimeOffset now, ref BestMatch best)
    {
        _base.Plates.Search(read, reading, now, Options, _superseded, ref best);
        _changes.Plates.Search(read, reading, now, Options, null, ref best);
    }

    private void SearchWildcards(ReadOnlySpan<char> read, int reading, DateTimeOffset now, ref BestMatch best)
    {
        _base.Wildcards.Search(read, reading, now, _superseded, ref best);
        _changes.Wildcards.Search(read, reading, now, null, ref best);
    }

    private static List<(string Key, HotlistEntry Entry)> Keyed(IEnumerable<HotlistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var keyed = new List<(string, HotlistEntry)>(entries.TryGetNonEnumeratedCount(out var count) ? count : 0);
        var problems = new List<string>();
        foreach (var entry in entries)
        {
            var key = HotlistLayer.KeyOf(entry.Plate, out var problem);
            if (problem is null)
            {
                keyed.Add((key, entry));
            }
            else if (problems.Count < MaxReportedProblems)
            {
                problems.Add(problem);
            }
        }

        return problems.Count == 0
            ? keyed
            : throw new ArgumentException($"the hotlist has plates that cannot be listed: {string.Join("; ", problems)}", nameof(entries));
    }
}
