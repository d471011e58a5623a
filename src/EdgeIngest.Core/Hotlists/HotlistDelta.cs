namespace EdgeIngest.Hotlists;

/// <summary>
/// Changes to one hotlist version (payload schema <c>edgeingest.hotlist-delta/1</c>): applies
/// only to a device holding exactly <see cref="BaseVersion"/>, and makes it <see cref="Version"/>.
/// An upsert replaces every entry of its plate; a removal takes every entry of the plate out.
/// </summary>
public sealed record HotlistDelta(long Version, long BaseVersion, DateTimeOffset IssuedAt, IReadOnlyList<HotlistEntry> Upserts, IReadOnlyList<string> Removals)
{
    public const string SchemaV1 = "edgeingest.hotlist-delta/1";

    /// <summary>The entries of <paramref name="current"/> with this delta applied (order kept, upserts last).</summary>
    public IReadOnlyList<HotlistEntry> ApplyTo(IReadOnlyList<HotlistEntry> current)
    {
        var replaced = new HashSet<string>(Removals, StringComparer.Ordinal);
        foreach (var upsert in Upserts)
        {
            replaced.Add(upsert.Plate);
        }

        var next = new List<HotlistEntry>(current.Count + Upserts.Count);
        foreach (var entry in current)
        {
            if (!replaced.Contains(entry.Plate))
            {
                next.Add(entry);
            }
        }

        next.AddRange(Upserts);
        return next;
    }
}
