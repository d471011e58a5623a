using EdgeIngest.Agreements;

namespace EdgeIngest.Records;

/// <summary>Retention without a signed agreement (or where the configuration sets none): reads a week, hits 90 days, evidence 30.</summary>
public static class LocalRetention
{
    public static RetentionDays Default { get; } = new(Reads: 7, Hits: 90, Evidence: 30);
}
