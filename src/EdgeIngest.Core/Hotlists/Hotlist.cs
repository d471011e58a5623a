using System.Collections.Frozen;

namespace EdgeIngest.Hotlists;

/// <summary>
/// The plates the agency is looking for, indexed by <see cref="PlateKey"/> so a read matches in
/// one lookup whatever look-alike characters the recogniser chose.
/// </summary>
public sealed class Hotlist
{
    private readonly FrozenDictionary<string, HotlistEntry> _byKey;

    // Looks keys up by span, so a read is matched from a stack buffer without a key string.
    private readonly FrozenDictionary<string, HotlistEntry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

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
        _bySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Hotlist Empty { get; } = new([]);

    public int Count => _byKey.Count;

    /// <summary>The entry a read of <paramref name="plate"/> hits, if any. Allocates nothing.</summary>
    public HotlistEntry? Match(ReadOnlySpan<char> plate)
    {
        if (plate.IsEmpty)
        {
            return null;
        }

        Span<char> key = stackalloc char[PlateKey.MaxLength];
        var length = PlateKey.Write(plate, key);
        return _bySpan.TryGetValue(key[..length], out var entry) ? entry : null;
    }
}
