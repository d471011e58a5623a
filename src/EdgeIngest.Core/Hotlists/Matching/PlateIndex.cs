namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// The whole plates of a list (no wildcards), grouped by <see cref="FoldedKey"/>. A read finds
/// its exact and look-alike candidates in one lookup of its own key (substitutions within a
/// look-alike class leave the key unchanged), a read with an extra character in one lookup per
/// character dropped, and a read missing one in one lookup per character inserted (positions ×
/// 26 symbols: about 200 integer lookups for a 7-character read, no deletion neighbourhood stored).
/// Every candidate is then verified character by character: equal, or swapped within a class,
/// nothing else. Immutable once built.
/// </summary>
internal sealed class PlateIndex
{
    private readonly FoldedKeyTable _table;
    private readonly int[] _groupStarts;   // group g holds [_groupStarts[g], _groupStarts[g + 1])
    private readonly HotlistEntry[] _entries;
    private readonly string[] _plates;     // the normalised plate of each entry
    private readonly uint _lengths;        // bit L set when some plate has L characters

    /// <summary>Indexes <paramref name="plates"/> (normalised, 1 to <see cref="FoldedKey.MaxLength"/> characters, no wildcards).</summary>
    public PlateIndex(IReadOnlyList<(string Plate, HotlistEntry Entry)> plates)
    {
        var count = plates.Count;
        var keys = new ulong[count];
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            var plate = plates[i].Plate;
            keys[i] = FoldedKey.Of(plate);
            order[i] = i;
            _lengths |= 1u << plate.Length;
        }

        // Sorted by key, then by list order within a key, so the index does not depend on how
        // the sort breaks ties.
        Array.Sort(keys, order);
        _entries = new HotlistEntry[count];
        _plates = new string[count];
        var starts = new List<int>();
        var distinct = new List<ulong>();
        for (var i = 0; i < count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                starts.Add(i);
                distinct.Add(keys[i]);
            }
        }

        starts.Add(count);
        for (var g = 0; g < distinct.Count; g++)
        {
            Array.Sort(order, starts[g], starts[g + 1] - starts[g]);
        }

        for (var i = 0; i < count; i++)
        {
            (_plates[i], _entries[i]) = plates[order[i]];
        }

        _groupStarts = [.. starts];
        _table = new FoldedKeyTable(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(distinct));
    }

    public static PlateIndex Empty { get; } = new([]);

    public int Count => _entries.Length;

    /// <summary>Every plate and its entry, in index order.</summary>
    public IEnumerable<(string Plate, HotlistEntry Entry)> Listings()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            yield return (_plates[i], _entries[i]);
        }
    }

    /// <summary>How many entries list exactly <paramref name="plate"/> (normalised).</summary>
    public int CountListed(string plate)
    {
        if (plate.Length is 0 or > FoldedKey.MaxLength)
        {
            return 0;
        }

        var group = _table.Find(FoldedKey.Of(plate));
        var listed = 0;
        for (var i = group < 0 ? 0 : _groupStarts[group]; group >= 0 && i < _groupStarts[group + 1]; i++)
        {
            listed += _plates[i] == plate ? 1 : 0;
        }

        return listed;
    }

    /// <summary>
    /// Offers <paramref name="best"/> every unexpired entry that <paramref name="read"/> (normalised)
    /// matches exactly or as a look-alike, skipping plates in <paramref name="hidden"/>.
    /// </summary>
    public void Search(ReadOnlySpan<char> read, int reading, DateTimeOffset now, HotlistMatchOptions options, IReadOnlySet<string>? hidden, ref BestMatch best)
    {
        var n = read.Length;
        if (n == 0 || n > FoldedKey.MaxLength + 1 || _entries.Length == 0)
        {
            return;
        }

        if (n <= FoldedKey.MaxLength && HasLength(n))
        {
            var group = _table.Find(FoldedKey.Of(read));
            if (group >= 0)
            {
                OfferSameLength(group, read, reading, now, options, hidden, ref best);
            }
        }

        if (options.MaxIndels == 0 || best.IsExact)
        {
            return;
        }

        // Folded keys of every prefix and suffix of the read, to build its variants arithmetically.
        Span<ulong> prefix = stackalloc ulong[n + 1];
        Span<ulong> suffix = stackalloc ulong[n + 1];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = (prefix[i] << FoldedKey.BitsPerCharacter) | (uint)LookAlikeClasses.CodeOf(read[i]);
        }

        for (var i = n - 1; i >= 0; i--)
        {
            suffix[i] = ((ulong)(uint)LookAlikeClasses.CodeOf(read[i]) << (FoldedKey.BitsPerCharacter * (n - 1 - i))) | suffix[i + 1];
        }

        if (n >= 2 && HasLength(n - 1))
        {
            // The read has an extra character: drop each in turn.
            for (var skip = 0; skip < n; skip++)
            {
                var group = _table.Find(FoldedKey.Join(prefix[skip], suffix[skip + 1], n - skip - 1));
                if (group >= 0)
                {
                    OfferWithExtra(group, read, skip, reading, now, options, hidden, ref best);
                }
            }
        }

        if (n + 1 <= FoldedKey.MaxLength && HasLength(n + 1))
        {
            // The read misses a character: insert each symbol at each place.
            for (var at = 0; at <= n; at++)
            {
                for (var code = 1; code <= LookAlikeClasses.Symbols; code++)
                {
                    var key = FoldedKey.Join(FoldedKey.Join(prefix[at], (uint)code, 1), suffix[at], n - at);
                    var group = _table.Find(key);
                    if (group >= 0)
                    {
                        OfferWithMissing(group, read, at, reading, now, options, hidden, ref best);
                    }
                }
            }
        }
    }

    private bool HasLength(int length) => (_lengths & (1u << length)) != 0;

    private void OfferSameLength(int group, ReadOnlySpan<char> read, int reading, DateTimeOffset now, HotlistMatchOptions options, IReadOnlySet<string>? hidden, ref BestMatch best)
    {
        for (var i = _groupStarts[group]; i < _groupStarts[group + 1]; i++)
        {
            var plate = _plates[i];
            var substitutions = Substitutions(read, plate);
            if (substitutions <= options.MaxSubstitutions && IsLive(i, now, hidden))
            {
                best.Offer(_entries[i], substitutions == 0 ? MatchKind.Exact : MatchKind.LookAlike, substitutions, reading);
            }
        }
    }

    private void OfferWithExtra(int group, ReadOnlySpan<char> read, int skip, int reading, DateTimeOffset now, HotlistMatchOptions options, IReadOnlySet<string>? hidden, ref BestMatch best)
    {
        for (var i = _groupStarts[group]; i < _groupStarts[group + 1]; i++)
        {
            var plate = _plates[i].AsSpan();
            var substitutions = Substitutions(read[..skip], plate[..skip]) + Substitutions(read[(skip + 1)..], plate[skip..]);
            if (substitutions <= options.MaxSubstitutions && IsLive(i, now, hidden))
            {
                best.Offer(_entries[i], MatchKind.LookAlike, substitutions + 1, reading);
            }
        }
    }

    private void OfferWithMissing(int group, ReadOnlySpan<char> read, int at, int reading, DateTimeOffset now, HotlistMatchOptions options, IReadOnlySet<string>? hidden, ref BestMatch best)
    {
        for (var i = _groupStarts[group]; i < _groupStarts[group + 1]; i++)
        {
            var plate = _plates[i].AsSpan();
            var substitutions = Substitutions(read[..at], plate[..at]) + Substitutions(read[at..], plate[(at + 1)..]);
            if (substitutions <= options.MaxSubstitutions && IsLive(i, now, hidden))
            {
                best.Offer(_entries[i], MatchKind.LookAlike, substitutions + 1, reading);
            }
        }
    }

    private bool IsLive(int i, DateTimeOffset now, IReadOnlySet<string>? hidden) =>
        !_entries[i].IsExpiredAt(now) && (hidden is null || !hidden.Contains(_plates[i]));

    // Equal folded keys guarantee every differing character is a look-alike: count them.
    private static int Substitutions(ReadOnlySpan<char> read, ReadOnlySpan<char> plate)
    {
        var differing = 0;
        for (var i = 0; i < read.Length; i++)
        {
            differing += read[i] != plate[i] ? 1 : 0;
        }

        return differing;
    }
}
