using EdgeIngest.Hotlists;
using EdgeIngest.Hotlists.Matching;

namespace EdgeIngest.Tests.Hotlists;

/// <summary>
/// The index against a brute-force reference: every entry compared with every read by the
/// definition (same length: only look-alike differences; one length apart: the best alignment
/// with one character dropped). Plates from a small alphabet full of look-alikes, so that near
/// misses, ties and several candidates per read are common.
/// </summary>
public sealed class LookAlikeReferenceTests
{
    private const string Alphabet = "0OD1IT8B5SAX";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(0, 1)]
    public void The_Index_Finds_The_Same_Best_Match_As_Comparing_Every_Entry(int maxSubstitutions, int maxIndels)
    {
        var options = new HotlistMatchOptions { MaxSubstitutions = maxSubstitutions, MaxIndels = maxIndels };
        var random = new Random(18 + maxSubstitutions + (10 * maxIndels));
        var entries = Enumerable.Range(0, 400)
            .Select(i => new HotlistEntry(RandomText(random, random.Next(3, 6)), $"e{i}", (HotlistPriority)random.Next(4)))
            .ToList();
        var list = new Hotlist(entries, options);

        var matched = 0;
        for (var r = 0; r < 3000; r++)
        {
            var read = r % 3 == 0 ? RandomText(random, random.Next(2, 7)) : Mutate(entries[random.Next(entries.Count)].Plate, random);
            var expected = Reference(entries, read, options);
            var actual = list.Match(read, Now);
            Assert.True(
                (expected?.Kind, expected?.Distance, expected?.Entry.Priority) == (actual?.Kind, actual?.Distance, actual?.Entry.Priority),
                $"read {read}: expected {expected?.Entry.Plate} {expected?.Kind} {expected?.Distance}, got {actual?.Entry.Plate} {actual?.Kind} {actual?.Distance}");
            matched += actual is null ? 0 : 1;
        }

        Assert.InRange(matched, 300, 2900); // the reads really exercised both hits and misses
    }

    private static HotlistMatch? Reference(List<HotlistEntry> entries, string read, HotlistMatchOptions options)
    {
        HotlistMatch? best = null;
        foreach (var entry in entries)
        {
            if (Distance(read, entry.Plate, options) is not { } distance)
            {
                continue;
            }

            var kind = distance == 0 ? MatchKind.Exact : MatchKind.LookAlike;
            if (best is not { } b || kind < b.Kind || (kind == b.Kind && (distance < b.Distance || (distance == b.Distance && entry.Priority > b.Entry.Priority))))
            {
                best = new HotlistMatch(entry, kind, distance, read);
            }
        }

        return best;
    }

    private static int? Distance(string read, string plate, HotlistMatchOptions options)
    {
        if (read.Length == plate.Length)
        {
            return Substitutions(read, plate) is { } s && s <= options.MaxSubstitutions ? s : null;
        }

        if (options.MaxIndels == 0 || Math.Abs(read.Length - plate.Length) != 1)
        {
            return null;
        }

        var (longer, shorter) = read.Length > plate.Length ? (read, plate) : (plate, read);
        int? best = null;
        for (var j = 0; j < longer.Length; j++)
        {
            if (Substitutions(longer.Remove(j, 1), shorter) is { } s && s <= options.MaxSubstitutions && (best is null || s + 1 < best))
            {
                best = s + 1;
            }
        }

        return best;
    }

    private static int? Substitutions(string a, string b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                if (!LookAlikeClasses.AreLookAlikes(a[i], b[i]))
                {
                    return null;
                }

                count++;
            }
        }

        return count;
    }

    private static string Mutate(string plate, Random random)
    {
        var text = plate;
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(text.Length);
            text = random.Next(4) switch
            {
                0 when text.Length > 1 => text.Remove(at, 1),
                1 => text.Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString()),
                _ => string.Concat(text.AsSpan(0, at), Alphabet[random.Next(Alphabet.Length)].ToString(), text.AsSpan(at + 1)),
            };
        }

        return text;
    }

    private static string RandomText(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
}
