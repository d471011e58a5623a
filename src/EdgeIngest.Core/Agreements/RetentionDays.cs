namespace EdgeIngest.Agreements;

/// <summary>How many days the box keeps each kind of record before the purge removes it.</summary>
public sealed record RetentionDays(int Reads, int Hits, int Evidence);
