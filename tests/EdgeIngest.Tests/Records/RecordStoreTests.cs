using EdgeIngest.Agreements;
using EdgeIngest.Hotlists;
using EdgeIngest.Records;

namespace EdgeIngest.Tests.Records;

/// <summary>The local store on a real SQLite file and real evidence files: what it keeps, counts and purges.</summary>
public sealed class RecordStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Purged_Reads_Hits_And_Their_Files_Are_Gone_From_Disk_And_Nothing_Younger_Is_Touched()
    {
        using var folder = new RecordsFolder();
        using var store = folder.Open();
        var old = Now.AddDays(-8);
        var young = Now.AddDays(-6);
        store.RecordRead(RecordsFolder.Read("old-read", old));
        store.RecordRead(RecordsFolder.Read("young-read", young));
        store.RecordHit(RecordsFolder.Hit("old-hit", Now.AddDays(-91)));
        store.RecordHit(RecordsFolder.Hit("young-hit", Now.AddDays(-89)));
        var oldFiles = new[] { store.StoreEvidence("old-hit", "plate", Now.AddDays(-31), RecordsFolder.Jpeg(1000)), store.StoreEvidence("old-hit", "frame", Now.AddDays(-31), RecordsFolder.Jpeg(3000)) };
        var youngFile = store.StoreEvidence("young-hit", "plate", Now.AddDays(-29), RecordsFolder.Jpeg());
        Assert.All(oldFiles, f => Assert.True(File.Exists(Path.Combine(store.Folder, f))));

        var counts = store.Purge(new RetentionDays(Reads: 7, Hits: 90, Evidence: 30), Now);

        Assert.Equal(new PurgeCounts(Reads: 1, Hits: 1, EvidenceFiles: 2, EvidenceBytes: 4000, OrphanFiles: 0), counts);
        Assert.Equal([youngFile], folder.EvidenceOnDisk());
        Assert.Equal(new StoreContents(Reads: 1, Hits: 1, EvidenceFiles: 1, EvidenceBytes: 2000), store.Contents());
        Assert.Empty(store.EvidenceOf("old-hit"));
        Assert.False(Directory.Exists(Path.GetDirectoryName(Path.Combine(store.Folder, oldFiles[0]))), "the emptied day folder is removed too");
    }

    [Fact]
    public void A_Crash_Between_Row_Delete_And_File_Delete_Leaves_No_File_Past_The_Next_Purge()
    {
        using var folder = new RecordsFolder();
        var retention = new RetentionDays(7, 90, 30);
        using (var store = folder.Open())
        {
            store.StoreEvidence("hit-1", "plate", Now.AddDays(-40), RecordsFolder.Jpeg());
            store.StoreEvidence("hit-1", "frame", Now.AddDays(-40), RecordsFolder.Jpeg());
            store.StoreEvidence("hit-2", "plate", Now.AddDays(-1), RecordsFolder.Jpeg());

            // The rows go, then the process dies before the files do.
            var (rows, files) = store.PurgeRows(retention, Now);
            Assert.Equal(2, rows.EvidenceFiles);
            Assert.Equal(2, files.Count);
        }

        Assert.Equal(3, folder.EvidenceOnDisk().Count);
        using var reopened = folder.Open();

        var counts = reopened.Purge(retention, Now.AddHours(1));

        Assert.Equal(2, counts.OrphanFiles);
        Assert.Single(folder.EvidenceOnDisk());
        Assert.Equal(["hit-2"], folder.EvidenceOnDisk().Select(f => Path.GetFileName(f).Split('_')[1]));
    }

    [Fact]
    public void A_File_Written_Before_A_Crash_Took_Its_Row_And_A_Torn_Temporary_Go_At_Their_Retention()
    {
        using var folder = new RecordsFolder();
        using var store = folder.Open();
        var orphan = Path.Combine(store.Folder, EvidenceFiles.RelativePath("hit-9", "plate", Now.AddDays(-31)));
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        File.WriteAllBytes(orphan, RecordsFolder.Jpeg());
        File.WriteAllBytes(orphan.Replace("hit-9", "hit-8", StringComparison.Ordinal) + ".tmp", [1, 2]);
        File.SetLastWriteTimeUtc(orphan.Replace("hit-9", "hit-8", StringComparison.Ordinal) + ".tmp", Now.UtcDateTime.AddDays(-31));
        var young = store.StoreEvidence("hit-10", "plate", Now.AddDays(-29), RecordsFolder.Jpeg());

        var counts = store.Purge(new RetentionDays(7, 90, 30), Now);

        Assert.Equal(2, counts.OrphanFiles);
        Assert.Equal([young], folder.EvidenceOnDisk());
    }

    [Fact]
    public void Reads_And_Hits_Are_Counted_Per_Day_By_Category_Match_Kind_Disclosure_And_Withholding_Once_Per_Event()
    {
        using var folder = new RecordsFolder();
        using var store = folder.Open();
        var day = DateOnly.FromDateTime(Now.UtcDateTime);
        store.RecordRead(RecordsFolder.Read("r1", Now));
        store.RecordRead(RecordsFolder.Read("r1", Now));
        store.RecordRead(RecordsFolder.Read("r2", Now, shared: true, camera: "exit"));
        store.RecordHit(RecordsFolder.Hit("h1", Now));
        store.RecordHit(RecordsFolder.Hit("h1", Now));
        store.RecordHit(RecordsFolder.Hit("h2", Now, kind: MatchKind.LookAlike));
        store.RecordHit(RecordsFolder.Hit("h3", Now, category: HotlistCategories.Bolo, disclosed: false, withheld: "category_not_allowed"));
        store.CountWithheld(HotlistCategories.WantedPerson, "agreement_expired", Now);

        var counts = store.DailyCounts(day, day).Select(c => $"{c.Counter}|{c.Category}|{c.Detail}={c.Value}").ToList();

        Assert.Equal(
            [
                "disclosures||read=1",
                "disclosures|stolen_vehicle|hit=2",
                "hits|bolo|exact=1",
                "hits|stolen_vehicle|exact=1",
                "hits|stolen_vehicle|look_alike=1",
                "vehicles_read||exit=1",
                "vehicles_read||gate=1",
                "withheld|bolo|category_not_allowed=1",
                "withheld|wanted_person|agreement_expired=1",
            ],
            counts);
        Assert.Equal(new StoreContents(2, 3, 0, 0), store.Contents());
    }

    [Fact]
    public void Counters_Outlive_The_Rows_They_Count_And_The_Purge_Is_Counted_On_Its_Day()
    {
        using var folder = new RecordsFolder();
        using var store = folder.Open();
        var readDay = Now.AddDays(-8);
        store.RecordRead(RecordsFolder.Read("r1", readDay));

        store.Purge(new RetentionDays(7, 90, 30), Now);

        var counts = store.DailyCounts(DateOnly.FromDateTime(readDay.UtcDateTime), DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.Contains(counts, c => c.Counter == DailyCounters.VehiclesRead && c.Value == 1 && c.Day == DateOnly.FromDateTime(readDay.UtcDateTime));
        Assert.Contains(counts, c => c.Counter == DailyCounters.PurgedReads && c.Value == 1 && c.Day == DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.Equal(0, store.Contents().Reads);
    }

    [Fact]
    public void Evidence_With_An_Event_Id_That_Is_Not_A_File_Name_Is_Refused()
    {
        using var folder = new RecordsFolder();
        using var store = folder.Open();

        var error = Assert.Throws<ArgumentException>(() => store.StoreEvidence("../../etc/passwd", "plate", Now, RecordsFolder.Jpeg()));

        Assert.Contains("not usable in a file name", error.Message, StringComparison.Ordinal);
        Assert.Empty(folder.EvidenceOnDisk());
    }

    [Fact]
    public void Recent_Hits_And_Reads_Come_Back_Whole_Newest_First_And_At_Most_The_Limit()
    {
        using var folder = new RecordsFolder();
        using var store = folder.Open();
        store.RecordHit(RecordsFolder.Hit("hit-old", Now.AddMinutes(-3)));
        store.RecordHit(RecordsFolder.Hit("hit-new", Now.AddMinutes(-1), kind: MatchKind.LookAlike));
        store.RecordHit(RecordsFolder.Hit("hit-mid", Now.AddMinutes(-2), kind: MatchKind.Wildcard, disclosed: false, withheld: "category_not_allowed"));
        store.RecordRead(RecordsFolder.Read("read-old", Now.AddMinutes(-5)));
        store.RecordRead(RecordsFolder.Read("read-new", Now.AddMinutes(-4), shared: true));

        var hits = store.RecentHits(2);

        Assert.Equal(["hit-new", "hit-mid"], hits.Select(h => h.EventId));
        Assert.Equal(RecordsFolder.Hit("hit-new", Now.AddMinutes(-1), kind: MatchKind.LookAlike), hits[0]);
        Assert.Equal(RecordsFolder.Hit("hit-mid", Now.AddMinutes(-2), kind: MatchKind.Wildcard, disclosed: false, withheld: "category_not_allowed"), hits[1]);
        Assert.Equal(3, store.RecentHits(100).Count);
        Assert.Equal([RecordsFolder.Read("read-new", Now.AddMinutes(-4), shared: true), RecordsFolder.Read("read-old", Now.AddMinutes(-5))], store.RecentReads(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.RecentReads(0));
    }

    [Fact]
    public void The_Evidence_File_Of_An_Event_Is_Only_One_The_Store_Lists_Under_Its_Folder()
    {
        using var folder = new RecordsFolder();
        using var store = folder.Open();
        var plate = store.StoreEvidence("hit-1", "plate", Now, RecordsFolder.Jpeg());
        store.StoreEvidence("hit-1", "frame", Now, RecordsFolder.Jpeg());

        Assert.Equal(Path.GetFullPath(Path.Combine(store.Folder, plate)), store.EvidenceFileOf("hit-1", "plate"));
        Assert.Null(store.EvidenceFileOf("hit-2", "plate"));
        Assert.Null(store.EvidenceFileOf("hit-1", "clip"));
        Assert.Null(store.EvidenceFileOf("../records.db", "plate"));

        // A listed file that is gone from disk is not offered either.
        File.Delete(Path.Combine(store.Folder, plate));
        Assert.Null(store.EvidenceFileOf("hit-1", "plate"));
    }
}
