namespace EdgeIngest.Reports;

/// <summary>One UTC day of the report; the totals, the hits and withheld events broken down, and the footage requests by outcome.</summary>
public sealed record DayReport(
    DateOnly Day,
    long VehiclesRead,
    long Hits,
    IReadOnlyList<HitCount> HitsBy,
    long Disclosures,
    long Withheld,
    IReadOnlyList<WithheldCount> WithheldBy,
    long PurgedReads,
    long PurgedHits,
    long PurgedEvidenceFiles,
    FootageCounts Footage);
