namespace EdgeIngest.Hotlists;

/// <summary>
/// The list a start begins with. <see cref="AdoptedConfiguredFile"/> is true when the configured
/// <c>hotlist.file</c> was newer than anything stored and has just been stored: a change of list
/// that the audit records.
/// </summary>
public sealed record HotlistStartup(VersionedHotlist Hotlist, bool AdoptedConfiguredFile);
