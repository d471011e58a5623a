namespace EdgeIngest.Hotlists;

/// <summary>
/// A hotlist together with the agency's version number for it and where it came from (the signed
/// configured <c>hotlist.file</c>, a stored version, a topic message or an inbox file).
/// <see cref="Entries"/> are the list as signed, kept so the next delta can be applied to it.
/// </summary>
public sealed record VersionedHotlist(Hotlist Hotlist, long Version, string Source)
{
    public IReadOnlyList<HotlistEntry> Entries { get; init; } = [];

    /// <summary>Builds the matching index over <paramref name="entries"/> (the one place a list is indexed).</summary>
    public static VersionedHotlist Of(IReadOnlyList<HotlistEntry> entries, long version, string source) =>
        new(new Hotlist(entries), version, source) { Entries = entries };
}
