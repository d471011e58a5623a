namespace EdgeIngest.Reports;

/// <summary>
/// What the box did over the last <see cref="Days"/> days (UTC), for the property owner and the
/// public: per day, vehicles read, hits, disclosures, events withheld and purges; the hotlist
/// versions and the agreement in force; what the box holds now; and whether the audit chain holds.
/// Built from the local store and the audit only, never from logs.
/// </summary>
public sealed record TransparencyReport(
    string Schema,
    string DeviceId,
    DateTimeOffset GeneratedAt,
    int Days,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Cameras,
    IReadOnlyList<DayReport> PerDay,
    IReadOnlyList<HotlistVersionReport> HotlistVersions,
    AgreementReport? Agreement,
    string? RetentionDaysLastPurge,
    HeldNowReport HeldNow,
    AuditChainReport AuditChain)
{
    public const string SchemaV1 = "edgeingest.report/1";

    /// <summary>What the report says where no signed agreement was ever accepted.</summary>
    public const string NoAgreement = "no signed agreement: local policy";
}
