namespace EdgeIngest.Hotlists;

/// <summary>
/// A complete hotlist as the agency signed it (payload schema <c>edgeingest.hotlist/2</c>): every
/// entry in force at <see cref="Version"/>; it replaces whatever list the device holds.
/// </summary>
public sealed record HotlistDocument(long Version, DateTimeOffset IssuedAt, IReadOnlyList<HotlistEntry> Entries)
{
    public const string SchemaV2 = "edgeingest.hotlist/2";
}
