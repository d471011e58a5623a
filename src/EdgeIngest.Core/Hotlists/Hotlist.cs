using System.Collections.Frozen;

namespace EdgeIngest.Hotlists;

/// <summary>
/// The plates the agency is looking for, indexed by <see cref="PlateKey"/> so a read matches in
/// one lookup whatever look-alike characters the recogniser chose.
/// </summary>
public sealed class Hotlist
{
    private readonly FrozenDictionary<string, HotlistEntry> _byKey;

    public Hotlist(IEnumerable<HotlistEntry> entries)
    {
        var byKey = new Dictionary<string, HotlistEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = PlateKey.Of(entry.Plate);

            // Two listings of one plate (or of look-alikes): the more urgent one wins.
            if (!byKey.TryGetValue(key, out var existing) || entry.Priority > existing.Priority)
            {
                byKey[key] = entry;
            }
        }

        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static Hotlist Empty { get; } = new([]);

    public int Count => _byKey.Count;

    /// <summary>The entry a read of <paramref name="plate"/> hits, if any.</summary>
    public HotlistEntry? Match(ReadOnlySpan<char> plate)
    {
        if (plate.IsEmpty)
        {
            return null;
        }

        return _byKey.TryGetValue(PlateKey.Of(plate), out var entry) ? entry : null;
    }
}
