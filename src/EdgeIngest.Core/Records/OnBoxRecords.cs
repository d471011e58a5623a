using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Records;

/// <summary>
/// What the box keeps about itself, opened together in the order that keeps the audit honest: the
/// audit log (verified), the start and any configuration change since the last start, the local
/// store, and its hourly purger. <see cref="DisposeAsync"/> stops the purger, records the stop and
/// closes both. The appliance holds one for its lifetime and hands <see cref="Audit"/> and
/// <see cref="Store"/> to the parts that disclose or keep something.
/// </summary>
public sealed class OnBoxRecords : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _startedAt;
    private int _disposed;

    private OnBoxRecords(AuditLog audit, RecordStore store, RecordsPurger purger, TimeProvider time)
    {
        Audit = audit;
        Store = store;
        Purger = purger;
        _time = time;
        _startedAt = time.GetUtcNow();
    }

    public AuditLog Audit { get; }

    public RecordStore Store { get; }

    public RecordsPurger Purger { get; }

    /// <param name="retention">The retention in force at each purge: the accepted agreement's, else the local one.</param>
    public static OnBoxRecords Open(string storageDirectory, string configPath, string softwareVersion, Func<RetentionDays> retention, TimeProvider time, ILoggerFactory loggers)
    {
        var audit = AuditLog.Open(AuditPaths.Under(storageDirectory), time, loggers.CreateLogger("EdgeIngest.Audit"));
        RecordStore? store = null;
        try
        {
            ServiceAudit.RecordStarted(audit, configPath, softwareVersion);
            store = RecordStore.Open(storageDirectory);
            var purger = new RecordsPurger(store, retention, audit, time, loggers.CreateLogger("EdgeIngest.Records"));
            return new OnBoxRecords(audit, store, purger, time);
        }
        catch
        {
            store?.Dispose();
            audit.Dispose();
            throw;
        }
    }

    /// <summary>Starts the purger: one purge now, then hourly.</summary>
    public void Start() => Purger.Start();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Purger.DisposeAsync().ConfigureAwait(false);
        try
        {
            ServiceAudit.RecordStopped(Audit, _time.GetUtcNow() - _startedAt);
        }
        finally
        {
            Store.Dispose();
            Audit.Dispose();
        }
    }
}
