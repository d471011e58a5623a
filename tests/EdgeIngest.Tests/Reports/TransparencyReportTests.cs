using System.Text.Json;
using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Hotlists;
using EdgeIngest.Reports;
using EdgeIngest.Tests.Audit;
using EdgeIngest.Tests.Records;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Reports;

/// <summary>The transparency report built from a real store and a real audit log, in each of its three forms.</summary>
public sealed class TransparencyReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_Report_Gives_Per_Day_Figures_The_Versions_And_Agreement_In_Force_And_The_Chain_State()
    {
        using var records = new RecordsFolder();
        using var audit = new AuditFolder();
        using var store = records.Open();
        WriteHistory(audit, store);

        var report = TransparencyReportBuilder.Build("gate-01", store, audit.Paths, days: 7, Now);

        Assert.Equal(7, report.PerDay.Count);
        var today = report.PerDay[^1];
        var yesterday = report.PerDay[^2];
        Assert.Equal((3, 2, 1, 1), (today.VehiclesRead, today.Hits, today.Disclosures, today.Withheld));
        Assert.Equal([new HitCount("bolo", "exact", 1), new HitCount("stolen_vehicle", "look_alike", 1)], today.HitsBy);
        Assert.Equal([new WithheldCount("bolo", "category_not_allowed", 1)], today.WithheldBy);
        Assert.Equal((1, 0, 0, 0), (yesterday.VehiclesRead, yesterday.Hits, yesterday.Disclosures, yesterday.Withheld));
        Assert.Equal(1, today.PurgedReads);
        Assert.Equal(["exit", "gate"], report.Cameras);
        Assert.Equal(["3", "4"], report.HotlistVersions.Select(v => v.Version));
        Assert.Equal(("sheriff-2026", "2", "in_force"), (report.Agreement!.AgreementId, report.Agreement.Version, report.Agreement.State));
        Assert.Equal("reads 7, hits 90, evidence 30", report.RetentionDaysLastPurge);
        Assert.True(report.AuditChain.Intact);
        Assert.Equal(audit.Verify().Head.Hash, report.AuditChain.Head);

        var text = ReportText.Render(report);
        Assert.Contains("In total: 4 vehicles read, 2 hotlist hits, 1 events sent to the agency, 1 kept on the box by the agreement.", text, StringComparison.Ordinal);
        Assert.Contains("hits: 1 stolen vehicle, look alike match", text, StringComparison.Ordinal);
        Assert.Contains("withheld: 1 bolo (category not allowed)", text, StringComparison.Ordinal);
        Assert.Contains("Agreement: sheriff-2026 version 2 with County Sheriff, in force.", text, StringComparison.Ordinal);
        Assert.Contains("version 4, 1200 entries", text, StringComparison.Ordinal);
        Assert.Contains("Audit chain: intact", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Csv_Has_One_Figure_A_Row_And_The_Json_Carries_Its_Schema()
    {
        using var records = new RecordsFolder();
        using var audit = new AuditFolder();
        using var store = records.Open();
        WriteHistory(audit, store);
        var report = TransparencyReportBuilder.Build("gate-01", store, audit.Paths, days: 2, Now);

        var csv = ReportCsv.Render(report).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(ReportJson.Render(report));

        Assert.Equal(ReportCsv.Header, csv[0]);
        Assert.Contains("2026-11-21,hits,stolen_vehicle,look_alike,1", csv);
        Assert.Contains("2026-11-21,withheld,bolo,category_not_allowed,1", csv);
        Assert.Contains("2026-11-20,vehicles_read,,,1", csv);
        Assert.Equal(TransparencyReport.SchemaV1, json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("per_day")[1].GetProperty("vehicles_read").GetInt64());
        Assert.Equal("in_force", json.RootElement.GetProperty("agreement").GetProperty("state").GetString());
        Assert.True(json.RootElement.GetProperty("audit_chain").GetProperty("intact").GetBoolean());
    }

    [Fact]
    public void Without_A_Signed_Agreement_The_Report_Says_Local_Policy_And_An_Expired_One_Says_Expired()
    {
        using var records = new RecordsFolder();
        using var audit = new AuditFolder();
        using var store = records.Open();

        var none = TransparencyReportBuilder.Build("gate-01", store, audit.Paths, 30, Now);
        Assert.Null(none.Agreement);
        Assert.Contains("Agreement: no signed agreement: local policy", ReportText.Render(none), StringComparison.Ordinal);

        using (var log = audit.Open())
        {
            log.Append(AuditKinds.AgreementAccepted, [new(AuditFields.AgreementId, "old"), new(AuditFields.Version, "1"), new(AuditFields.ValidUntil, "2026-11-01T00:00:00Z")]);
        }

        var expired = TransparencyReportBuilder.Build("gate-01", store, audit.Paths, 30, Now);
        Assert.Equal("expired", expired.Agreement!.State);
        Assert.Contains("EXPIRED: nothing is sent", ReportText.Render(expired), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Report_On_A_Tampered_Audit_Names_The_First_Bad_Record()
    {
        using var records = new RecordsFolder();
        using var audit = new AuditFolder();
        using var store = records.Open();
        audit.Write(4);
        var lines = audit.Lines();
        lines.RemoveAt(2);
        audit.Rewrite(lines);

        var report = TransparencyReportBuilder.Build("gate-01", store, audit.Paths, 30, Now);

        Assert.False(report.AuditChain.Intact);
        Assert.Equal((3L, 3L), (report.AuditChain.FirstBadSeq, report.AuditChain.FirstBadLine));
        Assert.Contains("Audit chain: BROKEN at record 3 (line 3): record 3 is missing here", ReportText.Render(report), StringComparison.Ordinal);
    }

    /// <summary>
    /// Eight days of a box's life, through the real store and audit: hotlist 3 accepted before the
    /// report's span and 4 within it, agreement 2, reads on two cameras, a look-alike hit sent, a
    /// refused category withheld, and a purge.
    /// </summary>
    internal static void WriteHistory(AuditFolder audit, EdgeIngest.Records.RecordStore store)
    {
        var time = new FakeTimeProvider(Now.AddDays(-10));
        using var log = audit.Open(time);
        log.Append(AuditKinds.HotlistAccepted, [new(AuditFields.Document, "hotlist"), new(AuditFields.Version, "3"), new(AuditFields.Entries, "1000")]);
        time.Advance(TimeSpan.FromDays(8));
        log.Append(AuditKinds.HotlistAccepted, [new(AuditFields.Document, "hotlist"), new(AuditFields.Version, "4"), new(AuditFields.Entries, "1200")]);
        log.Append(AuditKinds.AgreementAccepted, [
            new(AuditFields.AgreementId, "sheriff-2026"), new(AuditFields.Version, "2"), new(AuditFields.Agency, "County Sheriff"),
            new(AuditFields.SharingPolicy, "hits_only"), new(AuditFields.AllowedCategories, "amber_alert,stolen_vehicle"),
            new(AuditFields.RetentionDays, "reads 7, hits 90, evidence 30"), new(AuditFields.ValidFrom, "2026-01-01T00:00:00Z"), new(AuditFields.ValidUntil, "2027-01-01T00:00:00Z"),
        ]);

        store.RecordRead(RecordsFolder.Read("r-purged", Now.AddDays(-9)));
        store.RecordRead(RecordsFolder.Read("r-yesterday", Now.AddDays(-1)));
        store.RecordRead(RecordsFolder.Read("r1", Now.AddHours(-3)));
        store.RecordRead(RecordsFolder.Read("r2", Now.AddHours(-2), camera: "exit"));
        store.RecordRead(RecordsFolder.Read("r3", Now.AddHours(-1)));
        store.RecordHit(RecordsFolder.Hit("r2", Now.AddHours(-2), kind: MatchKind.LookAlike));
        log.Append(AuditKinds.Disclosure, [new(AuditFields.EventId, "r2"), new(AuditFields.What, "hit"), new(AuditFields.Agency, "County Sheriff")]);
        store.RecordHit(RecordsFolder.Hit("r3", Now.AddHours(-1), category: HotlistCategories.Bolo, disclosed: false, withheld: "category_not_allowed"));

        var counts = store.Purge(new RetentionDays(7, 90, 30), Now);
        log.Append(AuditKinds.Purge, [new(AuditFields.Reads, counts.Reads.ToString(System.Globalization.CultureInfo.InvariantCulture)), new(AuditFields.RetentionDays, "reads 7, hits 90, evidence 30")]);
    }
}
