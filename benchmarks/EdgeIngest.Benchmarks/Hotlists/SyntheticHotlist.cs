using EdgeIngest.Hotlists;

namespace EdgeIngest.Benchmarks.Hotlists;

/// <summary>
/// A deterministic hotlist shaped like a US one: plates in six common state formats (9LLL999,
/// LLL9999, LLL999, 999LLL, 9LL9999, LL99999; letters without I, O and Q, as most states issue
/// them), about 1 % partial plates (one or two <c>?</c>, or the first or last four characters and
/// a <c>*</c>), categories and priorities spread over the list, and reads of each kind the
/// matcher must answer, each checked against the list before it is timed.
/// </summary>
internal static class SyntheticHotlist
{
    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private const string Digits = "0123456789";
    private static readonly string[] Formats = ["9LLL999", "LLL9999", "LLL999", "999LLL", "9LL9999", "LL99999"];
    private static readonly string[] Categories = [HotlistCategories.StolenVehicle, HotlistCategories.StolenPlate, HotlistCategories.WantedPerson, HotlistCategories.Bolo];

    // A character and a look-alike a recogniser might read for it.
    private static readonly Dictionary<char, char> LookAlike = new()
    {
        ['0'] = 'O', ['D'] = '0', ['1'] = 'I', ['T'] = '1', ['L'] = '1', ['2'] = 'Z', ['Z'] = '2',
        ['5'] = 'S', ['S'] = '5', ['6'] = 'G', ['G'] = '6', ['8'] = 'B', ['B'] = '8',
    };

    public static List<HotlistEntry> Entries(int count, int seed)
    {
        var random = new Random(seed);
        var entries = new List<HotlistEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var plate = Plate(random);
            if (i % 100 == 37)
            {
                plate = Partial(plate, random);
            }

            entries.Add(new HotlistEntry(plate, "synthetic listing", (HotlistPriority)(i % 4)) { Category = Categories[i % Categories.Length] });
        }

        return entries;
    }

    public static string Plate(Random random)
    {
        var format = Formats[random.Next(Formats.Length)];
        return string.Create(format.Length, (format, random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.format[i] == 'L' ? Letters[state.random.Next(Letters.Length)] : Digits[state.random.Next(Digits.Length)];
            }
        });
    }

    /// <summary>
    /// Reads of one kind, <paramref name="count"/> of them, each checked to get <paramref name="expected"/>
    /// (null: no match) from <paramref name="hotlist"/> at <paramref name="now"/>.
    /// </summary>
    public static string[] Reads(Hotlist hotlist, IReadOnlyList<HotlistEntry> entries, ReadKind kind, int count, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var wanted = kind == ReadKind.Wildcard;
        var sources = entries.Where(e => e.Plate.AsSpan().IndexOfAny('?', '*') >= 0 == wanted).ToList();
        var reads = new List<string>(count);
        var attempts = 0;
        while (reads.Count < count)
        {
            if (++attempts > count * 100)
            {
                throw new InvalidOperationException($"could not make {count} reads of kind {kind}: the synthetic list is not what the benchmark assumes");
            }

            var entry = sources[random.Next(sources.Count)];
            var isPartial = entry.Plate.AsSpan().IndexOfAny('?', '*') >= 0;
            var (read, expected) = kind switch
            {
                ReadKind.Exact when !isPartial => (entry.Plate, MatchKind.Exact),
                ReadKind.LookAlikeSwap when !isPartial => (Swapped(entry.Plate, random), MatchKind.LookAlike),
                ReadKind.LookAlikeMissing when !isPartial => (Swapped(entry.Plate, random)?.Remove(random.Next(entry.Plate.Length), 1), MatchKind.LookAlike),
                ReadKind.Wildcard when isPartial => (Filled(entry.Plate, random), MatchKind.Wildcard),
                ReadKind.Miss => (Plate(random), (MatchKind?)null),
                _ => (null, null),
            };

            if (read is not null && hotlist.Match(read, now)?.Kind == expected)
            {
                reads.Add(read);
            }
        }

        return [.. reads];
    }

    private static string? Swapped(string plate, Random random)
    {
        var start = random.Next(plate.Length);
        for (var k = 0; k < plate.Length; k++)
        {
            var i = (start + k) % plate.Length;
            if (LookAlike.TryGetValue(plate[i], out var other))
            {
                return string.Concat(plate.AsSpan(0, i), [other], plate.AsSpan(i + 1));
            }
        }

        return null;
    }

    private static string Partial(string plate, Random random) => random.Next(5) switch
    {
        0 => "*" + plate[^4..],
        1 => plate[..4] + "*",
        2 => Blank(Blank(plate, random), random),
        _ => Blank(plate, random),
    };

    private static string Blank(string plate, Random random)
    {
        var i = random.Next(plate.Length);
        return string.Concat(plate.AsSpan(0, i), "?", plate.AsSpan(i + 1));
    }

    private static string Filled(string pattern, Random random)
    {
        var read = new System.Text.StringBuilder();
        foreach (var c in pattern)
        {
            _ = c switch
            {
                '?' => read.Append(Digits[random.Next(Digits.Length)]),
                '*' => read.Append(Letters[random.Next(Letters.Length)]).Append(Digits[random.Next(Digits.Length)]).Append(Digits[random.Next(Digits.Length)]),
                _ => read.Append(c),
            };
        }

        return read.ToString();
    }
}
