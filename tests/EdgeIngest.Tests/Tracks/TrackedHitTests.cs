using System.Text.Json;
using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Configuration;
using EdgeIngest.Events;
using EdgeIngest.Frames;
using EdgeIngest.Hits;
using EdgeIngest.Hotlists;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Reads;
using EdgeIngest.Records;
using EdgeIngest.Tests.Outbox;
using EdgeIngest.Tracks;

namespace EdgeIngest.Tests.Tracks;

/// <summary>
/// The tracker feeding the real read router, hotlist, JPEG snapshots and durable outbox: what
/// the agency gets for a vehicle pass whose first read was wrong.
/// </summary>
public sealed class TrackedHitTests : IDisposable
{
    private const int Width = 320;
    private const int Height = 180;
    private readonly OutboxFolder _folder = new();
    private readonly byte[] _pixels = new byte[Width * Height * BgrImage.BytesPerPixel];

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_Vehicle_Pass_Becomes_One_Hit_With_The_Voted_Plate_And_Its_Best_Frame_As_Evidence()
    {
        await using var path = HitPath.Start(_folder, "6MWF778");
        var (outbox, records, audit, committer, router) = (path.Outbox, path.Records, path.Audit, path.Committer, path.Router);
        var tracker = new PlateTracker("gate", new TrackerOptions());

        // The first frame misreads F as E (no look-alike: alone it would not be a hit).
        Show(tracker, router, 0.0, 40, Read("6MWE778", 0.7f, 40));
        Show(tracker, router, 0.2, 80, Read("6MWF778", 0.8f, 60));
        Show(tracker, router, 0.4, 120, Read("6MWF778", 0.95f, 80)); // the best frame
        Show(tracker, router, 0.6, 160, Read("6MWF778", 0.9f, 100));
        Show(tracker, router, 1.5, 200); // gone for 0.9 s: reported

        // Parked out of view and picked up again: the pass filter keeps it one pass.
        Show(tracker, router, 6.0, 220, Read("6MWF778", 0.9f, 100));
        tracker.Flush(router);

        // The frame the hit was decided on is reused at once (below); the committer encodes its own copy.
        await committer.StopAsync();
        var sent = OutboxFolder.DrainAll(outbox);
        var message = Assert.Single(sent);
        Assert.Equal(OutboxFolder.Topics.Hits, message.Topic);
        var hit = JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.HitEvent)!;
        Assert.Equal(("gate", "6MWF778", "6MWF778"), (hit.CameraId, hit.Plate, hit.Hotlist.Plate));
        Assert.Equal(TrackScene.At(0.4), hit.OccurredAt);
        Assert.Equal(TrackScene.At(0.0), hit.FirstReadAt);
        Assert.Equal(["6MWE778"], hit.Alternatives!);
        Assert.Equal(new BoxJson(80, 100, 80, 20), hit.Box);
        Assert.InRange(hit.Confidence, 0.6f, 0.85f);
        Assert.Equal(hit.EventId, message.EventId);
        Assert.Equal((Width, Height), (hit.Snapshot.FrameWidth, hit.Snapshot.FrameHeight));
        Assert.InRange(MeanOfDecoded(hit.Snapshot.FrameJpeg), 117, 123);
        Assert.Equal(1, router.Hits);
        Assert.Equal(1, committer.Committed);

        // The box keeps the hit with its evidence, and the disclosure is the audit's one record.
        Assert.Equal(2, records.EvidenceOf(hit.EventId).Count);
        Assert.Equal(1, audit.Count);
    }

    [Fact]
    public async Task A_Hit_Settled_Early_Goes_Out_Before_The_Window_And_A_Final_Vote_That_Disagrees_Follows_As_A_Correction()
    {
        await using var path = HitPath.Start(_folder, "6MWE778");
        var (outbox, records, audit, committer, router) = (path.Outbox, path.Records, path.Audit, path.Committer, path.Router);
        var tracker = new PlateTracker("gate", new TrackerOptions());

        // One very sure read of the listed plate settles the vote: the hit goes at once.
        Show(tracker, router, 0.0, 40, Read("6MWE778", 0.99f, 40));
        Assert.Equal(1, router.Hits);

        // Every later read says 6MWF779: the final vote is another plate, two characters off the list's.
        for (var t = 0.2; t < 2.0; t += 0.2)
        {
            Show(tracker, router, t, 80, Read("6MWF779", 0.9f, 40 + (int)(50 * t)));
        }

        Show(tracker, router, 3.0, 90);
        await committer.StopAsync();
        var sent = OutboxFolder.DrainAll(outbox);
        Assert.Equal([OutboxFolder.Topics.Hits, OutboxFolder.Topics.Corrections], sent.Select(m => m.Topic));
        var hit = JsonSerializer.Deserialize(sent[0].Payload, EventJsonContext.Default.HitEvent)!;
        Assert.Equal(("6MWE778", TrackScene.At(0.0), TrackScene.At(0.0)), (hit.Plate, hit.OccurredAt, hit.FirstReadAt));
        var correction = JsonSerializer.Deserialize(sent[1].Payload, EventJsonContext.Default.HitCorrectionEvent)!;
        Assert.Equal((HitCorrectionEvent.SchemaV1, hit.EventId, "6MWF779", (HotlistJson?)null), (correction.Schema, correction.CorrectsEventId, correction.Plate, correction.Hotlist));
        Assert.Null(correction.Match);
        Assert.NotEqual(hit.EventId, correction.EventId);
        Assert.Equal(1, router.Hits);

        // Both are disclosures on the audit and in the report's counts; the vehicle is counted once.
        Assert.Equal(2, audit.Count);
        var described = AuditReader.ReadRecords(AuditPaths.Under(_folder.Directory)).Select(AuditText.Describe).ToList();
        Assert.Contains(described, line => line.Contains($"Sent correction {correction.EventId} of hit {hit.EventId} to test agency: plate 6MWF779", StringComparison.Ordinal));
        var day = DateOnly.FromDateTime(TrackScene.At(0).UtcDateTime);
        var counts = records.DailyCounts(day, day);
        Assert.Equal(1, counts.Where(c => c.Counter == DailyCounters.VehiclesRead).Sum(c => c.Value));
        Assert.Equal([("hit", 1L), ("correction", 1L)], counts.Where(c => c.Counter == DailyCounters.Disclosures).Select(c => (c.Detail, c.Value)).OrderByDescending(c => c.Detail == "hit"));
    }

    [Fact]
    public async Task A_Listed_Plate_Only_The_Recognisers_Runner_Up_Reading_Names_Becomes_A_Hit_Marked_Confirm_Before_Acting()
    {
        await using var path = HitPath.Start(_folder, "KP52HH");
        var tracker = new PlateTracker("gate", new TrackerOptions());

        // Every frame reads X for K (no look-alikes: the read alone is no hit), and the recogniser
        // found KP52HH nearly as probable each time.
        for (var k = 0; k < 4; k++)
        {
            Show(tracker, path.Router, 0.2 * k, 60, Read("XP52HH", 0.9f, 40 + (20 * k)) with { Alternatives = ReadAlternatives.Of("KP52HH") });
        }

        Show(tracker, path.Router, 1.8, 60);
        await path.Committer.StopAsync();

        var hit = JsonSerializer.Deserialize(Assert.Single(OutboxFolder.DrainAll(path.Outbox)).Payload, EventJsonContext.Default.HitEvent)!;
        Assert.Equal(("XP52HH", "KP52HH"), (hit.Plate, hit.Hotlist.Plate));
        Assert.Equal(["KP52HH"], hit.Alternatives!);
        Assert.Equal(new MatchJson("exact", 0, ConfirmBeforeActing: true, "KP52HH"), hit.Match);
    }

    private void Show(PlateTracker tracker, ITrackSink router, double seconds, byte grey, params PlateRead[] reads)
    {
        _pixels.AsSpan().Fill(grey);
        tracker.Observe(new BgrImage(_pixels, Width, Height), TrackScene.At(seconds), reads, router);
        _pixels.AsSpan().Fill(0); // the pool hands the buffer to the next frame
    }

    private static PlateRead Read(string text, float confidence, int x) => new(text, confidence, new PlateBox(x, 100, 80, 20));

    private static double MeanOfDecoded(string base64Jpeg)
    {
        using var codec = new TurboJpegCodec();
        var bgr = new byte[Width * Height * BgrImage.BytesPerPixel];
        codec.Decode(Convert.FromBase64String(base64Jpeg), bgr);
        return bgr.Average(b => (double)b);
    }
}
