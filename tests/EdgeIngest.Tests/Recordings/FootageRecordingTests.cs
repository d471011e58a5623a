using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Configuration;
using EdgeIngest.Recordings;

namespace EdgeIngest.Tests.Recordings;

public sealed class FootageRecordingTests : IDisposable
{
    private readonly RecordingFolder _folder = new();

    private static DateTimeOffset T(double seconds) => RecordingFolder.Start + TimeSpan.FromSeconds(seconds);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_Kept_Segment_Is_Named_By_Its_Span_And_Is_A_Byte_Copy_Of_The_Ring_File()
    {
        var recording = _folder.Open(cameras: "gate");
        var segment = _folder.RingSegment(T(0), seconds: 2.5, bytes: 4321);
        File.WriteAllBytes(segment.Path, [.. Enumerable.Range(0, 4321).Select(i => (byte)i)]);

        recording.Keep("gate", segment);

        var expectedName = $"{T(0).ToUnixTimeMilliseconds()}-{T(2.5).ToUnixTimeMilliseconds()}.ts";
        Assert.Equal([expectedName], _folder.FileNames("gate"));
        Assert.Equal(File.ReadAllBytes(segment.Path), File.ReadAllBytes(Path.Combine(_folder.CameraFolder("gate"), expectedName)));
        var held = Assert.Single(recording.Segments("gate", T(-10), T(10)));
        Assert.Equal(new RecordedSegment("gate", Path.Combine(_folder.CameraFolder("gate"), expectedName), T(0), T(2.5), 4321), held);
        Assert.Equal(T(0), recording.OldestAt("gate"));
        Assert.Equal(T(2.5), recording.NewestAt("gate"));
    }

    [Fact]
    public void A_Restart_Rebuilds_The_Index_From_The_Names_And_Deletes_A_Copy_A_Kill_Interrupted()
    {
        var before = _folder.Open(cameras: "gate");
        _folder.KeepRun(before, "gate", T(0), 5);
        _folder.KeepRun(before, "yard", T(1), 3);
        var interrupted = Path.Combine(_folder.CameraFolder("gate"), $"{T(10).ToUnixTimeMilliseconds()}-{T(12).ToUnixTimeMilliseconds()}.ts.part");
        File.WriteAllBytes(interrupted, new byte[500]);
        var stray = Path.Combine(_folder.CameraFolder("gate"), "notes.txt");
        File.WriteAllText(stray, "not a segment");

        var after = _folder.Open(cameras: "gate");

        Assert.False(File.Exists(interrupted), "the .part file a kill left was not deleted");
        Assert.True(File.Exists(stray), "a file that is not a segment was deleted");
        Assert.Equal(["gate", "yard"], after.Cameras.Order(StringComparer.Ordinal));
        foreach (var camera in new[] { "gate", "yard" })
        {
            Assert.Equal(before.Segments(camera, T(-100), T(100)), after.Segments(camera, T(-100), T(100)));
            Assert.Equal(before.OldestAt(camera), after.OldestAt(camera));
            Assert.Equal(before.NewestAt(camera), after.NewestAt(camera));
        }

        Assert.Equal(8 * 1000, after.Bytes);
        Assert.Equal(T(10), after.NewestAt("gate"));
    }

    [Fact]
    public void Segments_Are_The_Whole_Ones_Overlapping_The_Window_Oldest_First()
    {
        var recording = _folder.Open(cameras: "gate");
        _folder.KeepRun(recording, "gate", T(0), 10); // [0,2) [2,4) … [18,20)

        var window = recording.Segments("gate", T(3), T(7.5));

        Assert.Equal([T(2), T(4), T(6)], window.Select(s => s.StartsAt));
        Assert.Equal(T(8), window[^1].EndsAt);
        Assert.Empty(recording.Segments("gate", T(20), T(30)));
        Assert.Empty(recording.Segments("nowhere", T(0), T(30)));
        Assert.Null(recording.OldestAt("nowhere"));
    }

    [Fact]
    public void The_Age_Purge_Removes_What_Is_Past_Retention_Except_Held_Windows_And_Audits_Once_Per_Camera()
    {
        var recording = _folder.Open(cameras: "gate");
        _folder.KeepRun(recording, "gate", T(0), 30); // 60 s: [0,60)
        _folder.Retention = TimeSpan.FromSeconds(30);
        _folder.Clock.SetUtcNow(T(71)); // everything that ended before 41 s is past retention
        recording.Hold("fr-1", "gate", T(10), T(13)); // [10,12) and [12,14)
        recording.Hold("fr-other-camera", "yard", T(0), T(60));

        var purges = _folder.Purger(recording).PurgeOnce();

        var purge = Assert.Single(purges);
        Assert.Equal(("gate", RecordingPurgeReason.Age, 18, 18_000L), (purge.CameraId, purge.Reason, purge.Segments, purge.Bytes));
        Assert.Equal((T(0), T(40)), (purge.From, purge.To));
        Assert.Equal(
            [T(10), T(12), .. Enumerable.Range(20, 10).Select(i => T(2 * i))],
            recording.Segments("gate", T(0), T(100)).Select(s => s.StartsAt));
        Assert.Equal(12, _folder.FileNames("gate").Length);
        var record = Assert.Single(_folder.Audit.OfKind(AuditKinds.RecordingPurged));
        Assert.Equal("gate", record[AuditFields.CameraId]);
        Assert.Equal("18", record[AuditFields.Segments]);
        Assert.Equal("18000", record[AuditFields.Bytes]);
        Assert.Equal("age", record[AuditFields.Reason]);
        Assert.Equal(T(0), DateTimeOffset.Parse(record[AuditFields.SpanFrom], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(T(40), DateTimeOffset.Parse(record[AuditFields.SpanTo], System.Globalization.CultureInfo.InvariantCulture));

        // Nothing more to remove: no record. Released: the held window goes at the next pass.
        Assert.Empty(_folder.Purger(recording).PurgeOnce());
        recording.Release("fr-1");
        Assert.Equal(2, Assert.Single(_folder.Purger(recording).PurgeOnce()).Segments);
        Assert.Equal(T(40), recording.OldestAt("gate"));
        Assert.Equal(2, _folder.Audit.OfKind(AuditKinds.RecordingPurged).Count());
    }

    [Fact]
    public void The_Disk_Budget_Removes_The_Oldest_Of_All_Cameras_Even_When_Held()
    {
        var recording = _folder.Open(maxBytes: 10_000, "gate", "yard");
        _folder.KeepRun(recording, "gate", T(0), 6);  // gate [0,12)
        _folder.KeepRun(recording, "yard", T(1), 6);  // yard [1,13)
        recording.Hold("fr-1", "gate", T(0), T(100));

        var purges = _folder.Purger(recording).PurgeOnce();

        // 12 segments of 1000 bytes, budget 10,000: the two oldest of all go, gate's [0,2) and yard's [1,3).
        Assert.Equal(
            [("gate", RecordingPurgeReason.DiskBudget, 1), ("yard", RecordingPurgeReason.DiskBudget, 1)],
            purges.Select(p => (p.CameraId, p.Reason, p.Segments)).Order());
        Assert.Equal(10_000, recording.Bytes);
        Assert.Equal(T(2), recording.OldestAt("gate"));
        Assert.Equal(T(3), recording.OldestAt("yard"));
        Assert.Equal(10, _folder.FileNames("gate").Length + _folder.FileNames("yard").Length);
        var records = _folder.Audit.OfKind(AuditKinds.RecordingPurged).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("disk_budget", r[AuditFields.Reason]));
    }

    [Fact]
    public void The_Agreement_Only_Shortens_The_Owners_Retention()
    {
        Assert.Equal(TimeSpan.FromHours(72), RecordingRetention.Effective(72, agreementHours: null));
        Assert.Equal(TimeSpan.FromHours(24), RecordingRetention.Effective(72, agreementHours: 24));
        Assert.Equal(TimeSpan.FromHours(48), RecordingRetention.Effective(48, agreementHours: 72));

        var agreement = new SharingAgreement(
            "agr-1", 1, "County Sheriff", new HashSet<string>(), SharingPolicy.HitsOnly, new RetentionDays(7, 90, 30),
            T(0), T(3600), new FootageTerms(RecordingHours: 24, MaxWindowHours: 12, AnswerWithinDays: 7));
        Assert.Equal(TimeSpan.FromHours(24), RecordingRetention.Effective(72, agreement, T(10)));
        Assert.Equal(TimeSpan.FromHours(72), RecordingRetention.Effective(72, agreement, T(3600))); // no longer in force
        Assert.Equal(TimeSpan.FromHours(72), RecordingRetention.Effective(72, agreement with { Footage = null }, T(10))); // the default, 72 h
        Assert.Equal(TimeSpan.FromHours(72), RecordingRetention.Effective(72, agreement: null, T(10)));
    }

    [Fact]
    public void A_Copy_That_Fails_Leaves_A_Gap_And_No_Partial_File_And_Is_Logged_Once()
    {
        var recording = _folder.Open(cameras: "gate");
        var gone = _folder.RingSegment(T(0));
        File.Delete(gone.Path);
        var goneToo = _folder.RingSegment(T(2));
        File.Delete(goneToo.Path);

        recording.Keep("gate", gone);
        recording.Keep("gate", goneToo);
        recording.Keep("gate", _folder.RingSegment(T(4)));

        Assert.Equal([T(4)], recording.Segments("gate", T(0), T(10)).Select(s => s.StartsAt));
        Assert.DoesNotContain(_folder.FileNames("gate"), name => name.EndsWith(".part", StringComparison.Ordinal));
        Assert.Equal(2, recording.GetStatus("gate").KeepFailures);
        Assert.Single(_folder.Logs.Lines, line => line.Message.Contains("not kept on disk", StringComparison.Ordinal));
        Assert.Single(_folder.Logs.Lines, line => line.Message.Contains("kept on disk again", StringComparison.Ordinal));
    }
}
