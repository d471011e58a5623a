using EdgeIngest.Agreements;

namespace EdgeIngest.Configuration;

/// <summary>
/// How long the box keeps its own records when no signed agreement says otherwise
/// (<c>storage.retention_days</c>); an agreement in force sets its own.
/// </summary>
public sealed class RetentionDaysConfig
{
    /// <summary>Reads that were not hits.</summary>
    public int Reads { get; set; } = AgreementHolder.DefaultLocalRetention.Reads;

    public int Hits { get; set; } = AgreementHolder.DefaultLocalRetention.Hits;

    /// <summary>Snapshots of hits kept on the box.</summary>
    public int Evidence { get; set; } = AgreementHolder.DefaultLocalRetention.Evidence;

    public RetentionDays ToRetention() => new(Reads, Hits, Evidence);
}
