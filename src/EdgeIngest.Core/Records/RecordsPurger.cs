using System.Globalization;
using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Records;

/// <summary>
/// Runs the store's <see cref="RecordStore.Purge"/> at start and then every <see cref="Interval"/>
/// (an hour), with the retention in force at that moment (the agreement's, or the local one), and
/// audits each purge that removed something, and the first one always (it states the retention the
/// box keeps to). A purge that fails is logged and tried again at the next tick.
/// </summary>
public sealed class RecordsPurger : BackgroundLoop
{
    private readonly RecordStore _store;
    private readonly Func<RetentionDays> _retention;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _time;
    private long _purges;

    public RecordsPurger(RecordStore store, Func<RetentionDays> retention, IAuditTrail audit, TimeProvider time, ILogger logger)
        : base("records purger", logger)
    {
        _store = store;
        _retention = retention;
        _audit = audit;
        _time = time;
    }

    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Purges run so far (each tick counts, whether or not it removed anything).</summary>
    public long Purges => Interlocked.Read(ref _purges);

    protected override async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        PurgeOnce(first: true);
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            PurgeOnce(first: false);
        }
    }

    /// <summary>One purge with its audit record; returns what it removed (null when it failed).</summary>
    public PurgeCounts? PurgeOnce(bool first)
    {
        var retention = _retention();
        try
        {
            var counts = _store.Purge(retention, _time.GetUtcNow());
            Interlocked.Increment(ref _purges);
            if (first || counts.RemovedAnything)
            {
                _audit.Append(AuditKinds.Purge, [
                    new(AuditFields.Reads, Number(counts.Reads)),
                    new(AuditFields.Hits, Number(counts.Hits)),
                    new(AuditFields.EvidenceFiles, Number(counts.EvidenceFiles + counts.OrphanFiles)),
                    new(AuditFields.EvidenceBytes, Number(counts.EvidenceBytes)),
                    new(AuditFields.RetentionDays, string.Create(CultureInfo.InvariantCulture, $"reads {retention.Reads}, hits {retention.Hits}, evidence {retention.Evidence}")),
                ]);
                RecordsLog.Purged(Logger, counts.Reads, counts.Hits, counts.EvidenceFiles + counts.OrphanFiles, counts.EvidenceBytes, retention.Reads, retention.Hits, retention.Evidence);
            }

            return counts;
        }
        catch (Exception e) when (e is RecordsException or AuditException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            RecordsLog.PurgeFailed(Logger, e.Message);
            return null;
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
