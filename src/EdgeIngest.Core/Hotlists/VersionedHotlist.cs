namespace EdgeIngest.Hotlists;

/// <summary>
/// A hotlist together with the agency's version number for it and where it came from. Version 0
/// is the configured <c>hotlist.file</c>; versions above 0 arrived by <c>hotlist.replace</c>.
/// </summary>
public sealed record VersionedHotlist(Hotlist Hotlist, long Version, string Source);
