using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Configuration;
using EdgeIngest.Hits;
using EdgeIngest.Hotlists;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Outbox;
using EdgeIngest.Records;
using EdgeIngest.Tests.Outbox;

namespace EdgeIngest.Tests.Tracks;

/// <summary>
/// What a tracker's reports go through on the box, all real: the read router with a one-entry
/// hotlist and no agreement (hits only), the committer with JPEG snapshots, the durable outbox,
/// the record store and the audit, in an <see cref="OutboxFolder"/>.
/// </summary>
internal sealed class HitPath : IAsyncDisposable
{
    private readonly HitSnapshots _snapshots;

    private HitPath(OutboxFolder folder, string listedPlate)
    {
        Outbox = folder.Open();
        _snapshots = new HitSnapshots(new TurboJpegCodec());
        Records = RecordStore.Open(folder.Directory);
        Audit = AuditLog.Open(AuditPaths.Under(folder.Directory), TimeProvider.System, folder.Logs.CreateLogger("audit"));
        Committer = new HitCommitter("test-device", _snapshots, OutboxFolder.Topics, Outbox, Records, Audit, () => "test agency", folder.Logs.CreateLogger("reads"));
        var hotlist = new HotlistHolder(new VersionedHotlist(new Hotlist([new HotlistEntry(listedPlate, "Stolen vehicle", HotlistPriority.Critical)]), 1, "test"));
        Router = new ReadRouter(hotlist, new AgreementHolder(null, SharingPolicy.HitsOnly, AgreementHolder.DefaultLocalRetention), new PassFilter(TimeSpan.FromSeconds(30)), Committer);
    }

    public DurableOutbox Outbox { get; }

    public RecordStore Records { get; }

    public AuditLog Audit { get; }

    public HitCommitter Committer { get; }

    public ReadRouter Router { get; }

    public static HitPath Start(OutboxFolder folder, string listedPlate)
    {
        var path = new HitPath(folder, listedPlate);
        path.Committer.Start();
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Committer.DisposeAsync();
        Audit.Dispose();
        Records.Dispose();
        _snapshots.Dispose();
        Outbox.Dispose();
    }
}
