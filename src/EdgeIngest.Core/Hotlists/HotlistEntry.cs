namespace EdgeIngest.Hotlists;

/// <summary>One plate the agency is looking for, and why.</summary>
public sealed record HotlistEntry(string Plate, string Reason, HotlistPriority Priority);
