namespace EdgeIngest.Events;

/// <summary>The hotlist entry that a hit matched: the listed plate, why, and how urgent.</summary>
public sealed record HotlistJson(string Plate, string Reason, string Priority);
