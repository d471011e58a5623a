using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Records;
using EdgeIngest.Tests.Audit;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Records;

/// <summary>The hourly purge as the appliance runs it: at start, then every hour, each removal audited with its counts.</summary>
public sealed class RecordsPurgerTests
{
    [Fact]
    public async Task The_Purger_Purges_At_Start_And_Hourly_And_Audits_What_It_Removed()
    {
        using var records = new RecordsFolder();
        using var audit = new AuditFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        using var store = records.Open();
        using var log = audit.Open(time);
        store.RecordRead(RecordsFolder.Read("r-old", time.GetUtcNow().AddDays(-8)));
        store.RecordRead(RecordsFolder.Read("r-next", time.GetUtcNow().AddDays(-7).AddMinutes(30)));
        var file = store.StoreEvidence("h-old", "plate", time.GetUtcNow().AddDays(-31), RecordsFolder.Jpeg(500));
        await using var purger = new RecordsPurger(store, () => new RetentionDays(7, 90, 30), log, time, audit.Logs.CreateLogger("purger"));

        purger.Start();
        await Eventually.HoldsAsync(() => purger.Purges == 1, TimeSpan.FromSeconds(10), () => "the purge at start");
        Assert.False(File.Exists(Path.Combine(store.Folder, file)));
        Assert.Equal(1, store.Contents().Reads);

        time.Advance(TimeSpan.FromHours(1));
        await Eventually.HoldsAsync(() => purger.Purges == 2, TimeSpan.FromSeconds(10), () => "the hourly purge");
        Assert.Equal(0, store.Contents().Reads);

        var purges = audit.Lines().Where(l => l.Contains("\"kind\":\"purge\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, purges.Count);
        Assert.Contains("\"reads\":\"1\",\"hits\":\"0\",\"evidence_files\":\"1\",\"evidence_bytes\":\"500\"", purges[0], StringComparison.Ordinal);
        Assert.Contains("\"reads\":\"1\",\"hits\":\"0\",\"evidence_files\":\"0\"", purges[1], StringComparison.Ordinal);
        Assert.True(audit.Verify().Intact);
    }

    [Fact]
    public void A_Purge_That_Removed_Nothing_After_The_First_Is_Not_Audited()
    {
        using var records = new RecordsFolder();
        using var audit = new AuditFolder();
        using var store = records.Open();
        using var log = audit.Open();
        var purger = new RecordsPurger(store, () => AgreementHolder.DefaultLocalRetention, log, TimeProvider.System, audit.Logs.CreateLogger("purger"));

        purger.PurgeOnce(first: true);
        purger.PurgeOnce(first: false);

        Assert.Equal(1, log.Count);
    }
}
