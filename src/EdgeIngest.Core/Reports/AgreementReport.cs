namespace EdgeIngest.Reports;

/// <summary>
/// The newest agreement the box accepted, as its audit record states it; <see cref="State"/> is
/// <c>in_force</c>, <c>expired</c> or <c>not_yet_valid</c> at the report's time.
/// </summary>
public sealed record AgreementReport(
    string AgreementId,
    string Version,
    string? Agency,
    string? SharingPolicy,
    string? AllowedCategories,
    string? RetentionDays,
    string? ValidFrom,
    string? ValidUntil,
    DateTimeOffset? AcceptedAt,
    string State);
