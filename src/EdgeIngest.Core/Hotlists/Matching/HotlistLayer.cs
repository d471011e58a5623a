namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// One immutable set of listings, indexed: whole plates in a <see cref="PlateIndex"/>, partial
/// plates in a <see cref="WildcardIndex"/>. A <see cref="Hotlist"/> is a large base layer plus a
/// small layer of what deltas changed since, so a delta rebuilds only the small one.
/// </summary>
internal sealed class HotlistLayer
{
    public HotlistLayer(IEnumerable<(string Key, HotlistEntry Entry)> listings)
    {
        var plates = new List<(string, HotlistEntry)>();
        var patterns = new List<(string, HotlistEntry)>();
        foreach (var (key, entry) in listings)
        {
            (PlateText.IsWildcard(key) ? patterns : plates).Add((key, entry));
        }

        Plates = new PlateIndex(plates);
        Wildcards = new WildcardIndex(patterns);
    }

    public static HotlistLayer Empty { get; } = new([]);

    public PlateIndex Plates { get; }

    public WildcardIndex Wildcards { get; }

    public int Count => Plates.Count + Wildcards.Count;

    public IEnumerable<(string Key, HotlistEntry Entry)> Listings() => Plates.Listings().Concat(Wildcards.Listings());

    public int CountListed(string key) => PlateText.IsWildcard(key) ? Wildcards.CountListed(key) : Plates.CountListed(key);

    /// <summary>
    /// The key <paramref name="plate"/> is listed under (normalised), checked: 1 to
    /// <see cref="FoldedKey.MaxLength"/> letters or digits, or a partial plate that
    /// <see cref="WildcardPattern.ProblemWith"/> accepts.
    /// </summary>
    public static string KeyOf(string plate, out string? problem)
    {
        var key = PlateText.NormaliseListed(plate);
        if (PlateText.IsWildcard(key))
        {
            problem = WildcardPattern.ProblemWith(key);
        }
        else if (key.Length == 0)
        {
            problem = $"plate '{plate}' has no letters or digits";
        }
        else if (key.Length > FoldedKey.MaxLength)
        {
            problem = $"plate '{plate}' has {key.Length} letters or digits; at most {FoldedKey.MaxLength}";
        }
        else
        {
            problem = null;
        }

        return key;
    }
}
