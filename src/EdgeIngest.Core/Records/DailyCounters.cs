namespace EdgeIngest.Records;

/// <summary>
/// The day counters the transparency report reads. They are kept apart from the rows because the
/// rows go at their retention (non-hit reads after a week) while the report covers longer spans;
/// they hold numbers only, no plate.
/// </summary>
public static class DailyCounters
{
    /// <summary>Vehicle passes read; detail: camera id.</summary>
    public const string VehiclesRead = "vehicles_read";

    /// <summary>Hotlist matches; category and match kind (<c>exact</c>, <c>look_alike</c>, <c>wildcard</c>).</summary>
    public const string Hits = "hits";

    /// <summary>Events sent to the agency; category (hits) and what (<c>hit</c> or <c>read</c>).</summary>
    public const string Disclosures = "disclosures";

    /// <summary>Matches the agreement kept on the box; category and reason.</summary>
    public const string Withheld = "withheld";

    public const string PurgedReads = "purged_reads";
    public const string PurgedHits = "purged_hits";
    public const string PurgedEvidence = "purged_evidence_files";

    /// <summary>How long the counters themselves are kept.</summary>
    public const int KeepDays = 400;
}
