using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeIngest.Audit;
using EdgeIngest.Footage;
using EdgeIngest.Outbox;
using EdgeIngest.Reports;

namespace EdgeIngest.Tests.Footage;

/// <summary>
/// Delivery of approved footage from a real recording (ffmpeg segments): the manifest, parts split
/// at segment boundaries and hashed, one part at a time in the clip lane, confirmation by the
/// receiver's ack keys, resumption after a restart, failure when the video changed, and the budget.
/// </summary>
public sealed class FootageDeliveryTests(FootageSegmentsFixture segments) : IClassFixture<FootageSegmentsFixture>
{
    private static readonly DateTimeOffset From = new(2026, 12, 6, 14, 0, 4, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 6, 14, 0, 12, TimeSpan.Zero);

    /// <summary>Segments 2..5 of the recording lie in [From, To) (2 s each from 14:00:00).</summary>
    private IEnumerable<string> WindowFiles => segments.Files.Skip(2).Take(4);

    /// <summary>Room for one segment and a half: whole segments per part, more than one part per camera.</summary>
    private int MaxPartBytes => (int)(WindowFiles.Max(f => new FileInfo(f).Length) * 3 / 2);

    [Fact]
    public void Approved_Footage_Goes_As_A_Manifest_Then_One_Verified_Part_At_A_Time_Until_Delivered()
    {
        using var box = Approved("fr-deliver", "[\"gate\",\"yard\"]");

        var manifest = RunUntilWaiting(box);
        Assert.Equal(FootageManifestEvent.SchemaV1, manifest.Schema);
        Assert.Equal(("fr-deliver", "gate-01", "2026-004512", "burglary"), (manifest.RequestId, manifest.DeviceId, manifest.CaseNumber, manifest.ReasonCode));
        Assert.Equal((From, To, From, To), (manifest.RequestedFrom, manifest.RequestedTo, manifest.ApprovedFrom, manifest.ApprovedTo));
        var approval = Assert.Single(box.AuditRecords(AuditKinds.FootageApproved));
        Assert.Equal(new AuditPositionJson(approval.Seq, approval.Hash), manifest.ApprovalAuditPosition);
        Assert.Equal((FootageManifestEvent.MpegTs, FootageBox.ChunkBytes), (manifest.ContentType, manifest.ChunkBytes));
        var expected = WindowFiles.SelectMany(File.ReadAllBytes).ToArray();
        Assert.Equal(["gate", "yard"], manifest.Cameras.Select(c => c.CameraId));
        foreach (var camera in manifest.Cameras)
        {
            Assert.Equal((From, To), (camera.StartsAt, camera.EndsAt));
            Assert.Equal(expected.LongLength, camera.Bytes);
            Assert.Equal(Sha256(expected), camera.Sha256);
            Assert.True(camera.Parts.Count > 1, $"camera {camera.CameraId} has {camera.Parts.Count} part(s); the test needs several");
            Assert.All(camera.Parts, p => Assert.InRange(p.Bytes, 1, MaxPartBytes));
            Assert.Equal(camera.Parts.Select((_, i) => i), camera.Parts.Select(p => p.Index));
        }

        var received = ReceiveAll(box, manifest);

        foreach (var camera in manifest.Cameras)
        {
            var whole = received[camera.CameraId];
            Assert.Equal(expected, whole);
            // Parts end on segment boundaries: each part is whole segment files.
            var boundaries = WindowFiles.Select(f => new FileInfo(f).Length).Aggregate(new List<long> { 0 }, (ends, length) => { ends.Add(ends[^1] + length); return ends; });
            var partEnds = camera.Parts.Select(p => p.Bytes).Aggregate(new List<long> { 0 }, (ends, length) => { ends.Add(ends[^1] + length); return ends; });
            Assert.All(partEnds, end => Assert.Contains(end, boundaries));
        }

        var request = box.Requests.Get("fr-deliver")!;
        Assert.Equal(FootageStates.Delivered, request.State);
        Assert.Equal(request.Delivery.PartsTotal, request.Delivery.PartsConfirmed);
        var sent = Assert.Single(box.AuditRecords(AuditKinds.FootageSent));
        var delivered = Assert.Single(box.AuditRecords(AuditKinds.FootageDelivered));
        Assert.True(sent.Seq < delivered.Seq);
        Assert.Equal((expected.LongLength * 2).ToString(CultureInfo.InvariantCulture), delivered.Field(AuditFields.FootageBytes));
        Assert.Contains("The agency confirmed it received all of footage request fr-deliver (case 2026-004512)", AuditText.Describe(delivered), StringComparison.Ordinal);
        var status = box.StatusEvents().Single(s => s.State == FootageStates.Delivered);
        Assert.Equal(new AuditPositionJson(delivered.Seq, delivered.Hash), status.AuditPosition);

        var report = TransparencyReportBuilder.Build("gate-01", box.Records, box.AuditPaths, 7, box.Clock.GetUtcNow());
        Assert.Equal(new FootageCounts(1, 0, 1, 0, 0, 1, 0, expected.LongLength * 2), report.PerDay[^1].Footage);
        Assert.Equal(1, report.PerDay[^1].Disclosures);
        Assert.Contains("Footage requests from the agency in this time: 1 received, 0 refused at once, 1 approved, 0 declined, 0 expired unanswered, 1 delivered", ReportText.Render(report), StringComparison.Ordinal);
        Assert.Contains($"2026-12-06,footage_bytes_delivered,,,{expected.LongLength * 2}", ReportCsv.Render(report), StringComparison.Ordinal);
        Assert.Contains("2026-12-06,footage_requests,,delivered,1", ReportCsv.Render(report), StringComparison.Ordinal);
        Assert.Contains("\"bytes_delivered\": " + (expected.LongLength * 2).ToString(CultureInfo.InvariantCulture), ReportJson.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void After_A_Restart_Mid_Delivery_It_Goes_On_From_The_Next_Part_With_The_Same_Hashes()
    {
        using var box = Approved("fr-resume", "[\"gate\"]");
        var manifest = RunUntilWaiting(box);
        var received = new Dictionary<string, SortedDictionary<(int Part, int Chunk), byte[]>>();

        // The receiver confirms the manifest and part 0; part 1 is stored; then the process stops.
        ConfirmWaiting(box, received);
        while (box.Delivery.Advance())
        {
        }

        var before = box.Requests.Get("fr-resume")!.Delivery;
        Assert.Equal((2, 1), (before.PartsStored, before.PartsConfirmed));
        box.Reopen();

        // Part 1 is still waiting in the reopened outbox; nothing is stored again before it is confirmed.
        Assert.False(box.Delivery.Advance());
        Assert.Equal(manifest.Cameras[0].Parts[1].Chunks, box.Waiting().Count(m => m.Lane == OutboxLane.Clips));
        var whole = ReceiveAll(box, manifest, received)["gate"];

        Assert.Equal(FootageStates.Delivered, box.Requests.Get("fr-resume")!.State);
        Assert.Equal(manifest.Cameras[0].Sha256, Sha256(whole));
        Assert.Single(box.AuditRecords(AuditKinds.FootageDelivered));
    }

    [Fact]
    public void A_Part_That_No_Longer_Hashes_To_The_Manifest_Fails_The_Request()
    {
        using var box = Approved("fr-changed", "[\"gate\"]");
        RunUntilWaiting(box);
        var last = box.Recording.Segments("gate", From, To)[^1];
        var bytes = File.ReadAllBytes(last.Path);
        bytes[^100] ^= 0xff;
        File.WriteAllBytes(last.Path, bytes);

        ReceiveAll(box, null);

        var request = box.Requests.Get("fr-changed")!;
        Assert.Equal(FootageStates.Failed, request.State);
        Assert.Contains("does not match the manifest's sha256", request.FailureReason, StringComparison.Ordinal);
        var failed = Assert.Single(box.AuditRecords(AuditKinds.FootageFailed));
        Assert.Contains("Could not send footage request fr-changed (case 2026-004512): part", AuditText.Describe(failed), StringComparison.Ordinal);
        var status = box.StatusEvents().Single(s => s.State == FootageStates.Failed);
        Assert.Equal(request.FailureReason, status.Reason);
        Assert.Empty(box.AuditRecords(AuditKinds.FootageDelivered));
    }

    [Fact]
    public void Footage_Waits_For_Room_And_Is_Never_Evicted_For_A_Hit_Clip()
    {
        var partBytes = MaxPartBytes;
        using var box = new FootageBox(maxPartBytes: partBytes, budgetBytes: partBytes * 2L);
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);
        Assert.True(box.NewProcessor().Process(FootageBox.Command("fr-room", FootageBox.Footage()), box.Clock.GetUtcNow()).Ok);
        Assert.True(box.Outbox.EnqueueClip(Tests.Outbox.OutboxFolder.Clip(partBytes + (partBytes / 2))));
        Assert.True(box.Requests.Approve("fr-room", From, To, "owner").Ok);

        while (box.Delivery.Advance())
        {
        }

        // The hit clip fills the budget: part 0 waits for it, and the clip is not evicted for it.
        Assert.Equal(0, box.Requests.Get("fr-room")!.Delivery.PartsStored);
        Assert.Contains(box.Logs.Lines, l => l.Message.Contains("waits for room in the outbox", StringComparison.Ordinal));
        Assert.True(box.Confirm(box.Waiting().Where(m => m.Topic.Contains("/clips/", StringComparison.Ordinal))) > 0);
        while (box.Delivery.Advance())
        {
        }

        Assert.Equal(1, box.Requests.Get("fr-room")!.Delivery.PartsStored);
        var footageRows = box.Waiting().Count(m => m.EventId == DurableOutbox.FootageGroup("fr-room"));

        // A new hit clip that does not fit is dropped; the footage part stays.
        box.Outbox.EnqueueClip(Tests.Outbox.OutboxFolder.Clip(partBytes + (partBytes / 2)));
        Assert.Equal(footageRows, box.Waiting().Count(m => m.EventId == DurableOutbox.FootageGroup("fr-room")));
    }

    [Fact]
    public void A_Segment_Larger_Than_A_Part_Is_Split_Inside_It()
    {
        var partBytes = (int)(WindowFiles.Min(f => new FileInfo(f).Length) / 2);
        using var box = Approved("fr-split", "[\"gate\"]", partBytes);

        var manifest = RunUntilWaiting(box);
        var whole = ReceiveAll(box, manifest)["gate"];

        var camera = Assert.Single(manifest.Cameras);
        Assert.True(camera.Parts.Count >= 8, $"{camera.Parts.Count} parts for 4 segments each over two parts' size");
        Assert.All(camera.Parts, p => Assert.InRange(p.Bytes, 1, partBytes));
        Assert.Equal(WindowFiles.SelectMany(File.ReadAllBytes).ToArray(), whole);
        Assert.Equal(FootageStates.Delivered, box.Requests.Get("fr-split")!.State);
    }

    [Fact]
    public void A_Camera_With_Nothing_Recorded_In_The_Window_Is_Listed_With_No_Parts()
    {
        using var box = new FootageBox(maxPartBytes: MaxPartBytes);
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);
        // The yard camera was down during the window: video before and after it only.
        box.Record("yard", segments.Files.Take(2).ToList(), FootageBox.RecordedFrom);
        box.Record("yard", segments.Files.Take(2).ToList(), To);
        Assert.True(box.NewProcessor().Process(FootageBox.Command("fr-gap", FootageBox.Footage(cameras: "[\"gate\",\"yard\"]")), box.Clock.GetUtcNow()).Ok);
        Assert.True(box.Requests.Approve("fr-gap", From, To, "owner").Ok);

        var manifest = RunUntilWaiting(box);
        ReceiveAll(box, manifest);

        var yard = manifest.Cameras.Single(c => c.CameraId == "yard");
        Assert.Equal((0L, 0, From, From), (yard.Bytes, yard.Parts.Count, yard.StartsAt, yard.EndsAt));
        Assert.Equal(Sha256([]), yard.Sha256);
        Assert.Equal(FootageStates.Delivered, box.Requests.Get("fr-gap")!.State);
    }

    private FootageBox Approved(string id, string cameras, int? maxPartBytes = null)
    {
        var box = new FootageBox(maxPartBytes: maxPartBytes ?? MaxPartBytes);
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);
        box.Record("yard", segments.Files, FootageBox.RecordedFrom);
        var outcome = box.NewProcessor().Process(FootageBox.Command(id, FootageBox.Footage(cameras: cameras)), box.Clock.GetUtcNow());
        Assert.True(outcome.Ok, outcome.Error);
        var approved = box.Requests.Approve(id, From, To, FootageRequests.ConsoleOwner);
        Assert.True(approved.Ok, approved.Error);
        return box;
    }

    /// <summary>Advances until the delivery waits for the receiver; returns the manifest it queued. Only the first part is in the outbox then.</summary>
    private static FootageManifestEvent RunUntilWaiting(FootageBox box)
    {
        for (var steps = 0; box.Delivery.Advance(); steps++)
        {
            Assert.True(steps < 100, "the delivery never waited for the receiver");
        }

        var waiting = box.Waiting();
        var manifest = Assert.Single(waiting, m => m.Topic.EndsWith("/manifest", StringComparison.Ordinal));
        Assert.Equal(FootageBox.Topics.FootageManifest(JsonDocument.Parse(manifest.Payload).RootElement.GetProperty("request_id").GetString()!), manifest.Topic);
        var chunks = waiting.Where(m => m.Topic.Contains("/chunks/", StringComparison.Ordinal)).ToList();
        Assert.All(chunks, c => Assert.Contains("/0/chunks/", c.Topic, StringComparison.Ordinal));
        return JsonSerializer.Deserialize(manifest.Payload, FootageJsonContext.Default.FootageManifestEvent)!;
    }

    /// <summary>
    /// Plays the receiver: takes what waits, keeps the chunks, confirms them by their ack keys, and
    /// lets the delivery go on, until the request is finished. Checks that at most one part waits at
    /// any time. Returns each camera's bytes, parts and chunks in order.
    /// </summary>
    private static Dictionary<string, byte[]> ReceiveAll(FootageBox box, FootageManifestEvent? manifest, Dictionary<string, SortedDictionary<(int Part, int Chunk), byte[]>>? received = null)
    {
        received ??= [];
        for (var round = 0; box.Requests.Get(box.Requests.List()[0].RequestId)!.State == FootageStates.Approved; round++)
        {
            Assert.True(round < 200, "the delivery did not finish");
            ConfirmWaiting(box, received);
            while (box.Delivery.Advance())
            {
            }
        }

        foreach (var (camera, chunks) in received)
        {
            if (manifest?.Cameras.Single(c => c.CameraId == camera) is { } expected)
            {
                foreach (var part in expected.Parts)
                {
                    var bytes = chunks.Where(c => c.Key.Part == part.Index).SelectMany(c => c.Value).ToArray();
                    Assert.Equal(part.Chunks, chunks.Count(c => c.Key.Part == part.Index));
                    Assert.Equal(part.Sha256, Sha256(bytes));
                }
            }
        }

        return received.ToDictionary(r => r.Key, r => r.Value.Values.SelectMany(b => b).ToArray());
    }

    private static void ConfirmWaiting(FootageBox box, Dictionary<string, SortedDictionary<(int Part, int Chunk), byte[]>> received)
    {
        var waiting = box.Waiting().Where(m => m.Lane == OutboxLane.Clips).ToList();
        var parts = waiting.Where(m => m.Topic.Contains("/chunks/", StringComparison.Ordinal)).Select(m => Path.GetDirectoryName(Path.GetDirectoryName(m.Topic))).Distinct().ToList();
        Assert.True(parts.Count <= 1, $"more than one part waits at once: {string.Join(", ", parts)}");
        foreach (var message in waiting.Where(m => m.Topic.Contains("/chunks/", StringComparison.Ordinal)))
        {
            // footage/{request}/{camera}/{part}/chunks/{n}
            var relative = FootageBox.Topics.Relative(message.Topic)!.Split('/');
            var chunks = received.TryGetValue(relative[2], out var held) ? held : received[relative[2]] = [];
            chunks[(int.Parse(relative[3], CultureInfo.InvariantCulture), int.Parse(relative[5], CultureInfo.InvariantCulture))] = message.Payload;
        }

        Assert.Equal(waiting.Count, box.Confirm(waiting));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
