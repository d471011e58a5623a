namespace EdgeIngest.Hotlists;

/// <summary>One signed hotlist document kept under <c>{storage}/hotlist/</c>: a full list or a delta, by version.</summary>
public sealed record StoredHotlist(long Version, bool IsDelta, string Path);
