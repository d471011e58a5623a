using System.Security.Cryptography;
using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Outbox;

/// <summary>The outbox on a real SQLite file: what it keeps across a restart, in which order it gives it back, and what it drops.</summary>
public sealed class DurableOutboxTests
{
    [Fact]
    public void Events_Survive_Closing_And_Reopening_The_File_In_Creation_Order()
    {
        using var folder = new OutboxFolder();
        var hits = Enumerable.Range(0, 5).Select(i => OutboxFolder.Hit(i)).ToList();
        using (var outbox = folder.Open())
        {
            hits.ForEach(outbox.Enqueue);
        }

        using var reopened = folder.Open();
        var sent = OutboxFolder.DrainAll(reopened);

        Assert.Equal(hits.Select(h => h.EventId), sent.Select(m => m.EventId));
        Assert.Equal(hits.Select(h => h.Payload), sent.Select(m => m.Payload));
        Assert.All(sent, m => Assert.Equal(OutboxFolder.Topics.Hits, m.Topic));
        Assert.Contains(folder.Logs.Lines, l => l.EventId == 350 && l.Contains("5 event(s)"));
    }

    [Fact]
    public void A_Message_Leaves_The_Outbox_Only_When_It_Is_Acknowledged()
    {
        using var folder = new OutboxFolder();
        var first = OutboxFolder.Hit(1);
        var second = OutboxFolder.Hit(2);
        using (var outbox = folder.Open())
        {
            outbox.Enqueue(first);
            outbox.Enqueue(second);

            // Peeking (a publish that was never acknowledged) leaves it first in line, across a restart too.
            Assert.Equal(first.EventId, outbox.PeekNext()!.EventId);
            Assert.Equal(first.EventId, outbox.PeekNext()!.EventId);
        }

        using (var outbox = folder.Open())
        {
            var next = outbox.PeekNext()!;
            Assert.Equal(first.EventId, next.EventId);
            outbox.Acknowledge(next.Sequence);
        }

        using var afterAck = folder.Open();
        Assert.Equal([second.EventId], OutboxFolder.DrainAll(afterAck).Select(m => m.EventId));
        Assert.Null(afterAck.PeekNext());
        Assert.Equal(0, afterAck.GetStatistics().Bytes);
    }

    [Fact]
    public void Events_Are_Sent_Before_Clip_Messages_Even_When_The_Clip_Was_Stored_First()
    {
        using var folder = new OutboxFolder();
        using var outbox = folder.Open(chunkBytes: 1000);
        var clip = OutboxFolder.Clip(2500);
        Assert.True(outbox.EnqueueClip(clip));

        // The sender has started on the clip: its manifest is in flight when a hit arrives.
        var inFlight = outbox.PeekNext()!;
        var hit = OutboxFolder.Hit(1);
        outbox.Enqueue(hit);
        outbox.Acknowledge(inFlight.Sequence);
        var rest = OutboxFolder.DrainAll(outbox);

        Assert.Equal(OutboxFolder.Topics.ClipManifest(clip.EventId), inFlight.Topic);
        Assert.Equal(
            [OutboxFolder.Topics.Hits, OutboxFolder.Topics.ClipChunk(clip.EventId, 0), OutboxFolder.Topics.ClipChunk(clip.EventId, 1), OutboxFolder.Topics.ClipChunk(clip.EventId, 2)],
            rest.Select(m => m.Topic));
        Assert.Equal(OutboxLane.Events, rest[0].Lane);
    }

    [Fact]
    public void A_Clip_Is_Stored_As_A_Manifest_With_Its_Hash_And_Chunks_That_Reassemble_To_The_Clip()
    {
        using var folder = new OutboxFolder();
        using var outbox = folder.Open(chunkBytes: 1000);
        var clip = OutboxFolder.Clip(2500);

        outbox.EnqueueClip(clip);
        var sent = OutboxFolder.DrainAll(outbox);

        var manifest = JsonSerializer.Deserialize(sent[0].Payload, EventJsonContext.Default.ClipManifestEvent)!;
        Assert.Equal((ClipManifestEvent.SchemaV1, clip.EventId, "test-device", "gate", "video/mp4"), (manifest.Schema, manifest.EventId, manifest.DeviceId, manifest.CameraId, manifest.ContentType));
        Assert.Equal((2500L, 1000, 3), (manifest.Bytes, manifest.ChunkBytes, manifest.Chunks));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(clip.Mp4.Span)), manifest.Sha256);
        Assert.Equal([1000, 1000, 500], sent.Skip(1).Select(m => m.Payload.Length));
        Assert.Equal(clip.Mp4.ToArray(), sent.Skip(1).SelectMany(m => m.Payload).ToArray());
    }

    [Fact]
    public void When_The_Budget_Is_Exhausted_Whole_Clips_Are_Dropped_Oldest_First_And_Each_Drop_Is_Reported()
    {
        using var folder = new OutboxFolder();
        using var outbox = folder.Open(budgetBytes: 10_000, chunkBytes: 1000);
        var oldest = OutboxFolder.Clip(4000);
        var middle = OutboxFolder.Clip(4000);
        var newest = OutboxFolder.Clip(4000);

        Assert.True(outbox.EnqueueClip(oldest));
        Assert.True(outbox.EnqueueClip(middle));
        Assert.True(outbox.EnqueueClip(newest));
        var statistics = outbox.GetStatistics();
        var sent = OutboxFolder.DrainAll(outbox);

        // The drop report comes first (event lane), then the two clips that were kept, whole.
        Assert.Equal(OutboxFolder.Topics.Drops, sent[0].Topic);
        var drop = JsonSerializer.Deserialize(sent[0].Payload, EventJsonContext.Default.DropEvent)!;
        Assert.Equal((DropEvent.SchemaV1, "clip", oldest.EventId, 4000L), (drop.Schema, drop.Kind, drop.EventId, drop.Bytes));
        Assert.Contains("budget", drop.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(sent, m => m.Lane == OutboxLane.Clips && m.EventId == oldest.EventId);
        Assert.Equal(5, sent.Count(m => m.EventId == middle.EventId));
        Assert.Equal(5, sent.Count(m => m.EventId == newest.EventId));
        Assert.True(statistics.Bytes <= 10_000 + sent[0].Payload.Length + OutboxFolder.Topics.Drops.Length, $"{statistics.Bytes} bytes stored");
        Assert.Equal(4000, statistics.DroppedClipBytes);
        Assert.Contains(folder.Logs.Lines, l => l.EventId == 351 && l.Level == LogLevel.Warning && l.Contains(oldest.EventId));
    }

    [Fact]
    public void Hits_Are_Never_Dropped_Clips_Make_Way_For_Them_And_Past_The_Budget_Hits_Are_Still_Accepted_With_A_Warning()
    {
        using var folder = new OutboxFolder();
        using var outbox = folder.Open(budgetBytes: 5_000, chunkBytes: 1000);
        var clip = OutboxFolder.Clip(3000);
        outbox.EnqueueClip(clip);
        var hits = Enumerable.Range(0, 20).Select(i => OutboxFolder.Hit(i, payloadBytes: 500)).ToList();

        hits.ForEach(outbox.Enqueue);
        var sent = OutboxFolder.DrainAll(outbox);

        Assert.Equal(hits.Select(h => h.EventId), sent.Where(m => m.Topic == OutboxFolder.Topics.Hits).Select(m => m.EventId));
        Assert.Single(sent, m => m.Topic == OutboxFolder.Topics.Drops && m.EventId == clip.EventId);
        Assert.DoesNotContain(sent, m => m.Lane == OutboxLane.Clips);
        Assert.Single(folder.Logs.Lines, l => l.EventId == 352 && l.Level == LogLevel.Warning);
        Assert.Single(folder.Logs.Lines, l => l.EventId == 353);
    }

    [Fact]
    public void A_Clip_Larger_Than_The_Whole_Budget_Is_Refused_And_Reported_Without_Touching_Other_Clips()
    {
        using var folder = new OutboxFolder();
        using var outbox = folder.Open(budgetBytes: 10_000, chunkBytes: 1000);
        var kept = OutboxFolder.Clip(3000);
        var huge = OutboxFolder.Clip(20_000);
        outbox.EnqueueClip(kept);

        Assert.False(outbox.EnqueueClip(huge));
        var sent = OutboxFolder.DrainAll(outbox);

        var drops = sent.Where(m => m.Topic == OutboxFolder.Topics.Drops).Select(m => JsonSerializer.Deserialize(m.Payload, EventJsonContext.Default.DropEvent)!).ToList();
        Assert.Equal([huge.EventId], drops.Select(d => d.EventId));
        Assert.Equal(4, sent.Count(m => m.EventId == kept.EventId));
    }

    [Fact]
    public void The_Drop_Total_Survives_A_Restart()
    {
        using var folder = new OutboxFolder();
        using (var outbox = folder.Open(budgetBytes: 6_000, chunkBytes: 1000))
        {
            outbox.EnqueueClip(OutboxFolder.Clip(4000));
            outbox.EnqueueClip(OutboxFolder.Clip(4000));
        }

        using var reopened = folder.Open(budgetBytes: 6_000, chunkBytes: 1000);

        Assert.Equal(4000, reopened.GetStatistics().DroppedClipBytes);
    }

    [Fact]
    public void A_Corrupt_Outbox_File_Fails_With_An_Error_Naming_The_File_And_Is_Left_In_Place()
    {
        using var folder = new OutboxFolder();
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(folder.FilePath, garbage);

        var failure = Assert.Throws<OutboxException>(() => folder.Open());

        Assert.Contains(folder.FilePath, failure.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be used", failure.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(folder.FilePath));
    }

    [Fact]
    public void An_Outbox_Folder_That_Cannot_Be_Created_Fails_With_An_Error_Naming_It()
    {
        using var folder = new OutboxFolder();
        var blocker = Path.Combine(folder.Directory, "not-a-folder");
        File.WriteAllText(blocker, "a file where the storage folder should be");

        var failure = Assert.Throws<OutboxException>(() => DurableOutbox.Open(
            new OutboxOptions { FilePath = Path.Combine(blocker, OutboxOptions.FileName) },
            OutboxFolder.Topics,
            folder.Logs.CreateLogger("outbox")));

        Assert.Contains(blocker, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_Count_Each_Lane_And_Give_The_Oldest_Creation_Time()
    {
        using var folder = new OutboxFolder();
        using var outbox = folder.Open(chunkBytes: 1000);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        outbox.Enqueue(OutboxFolder.Hit(1, payloadBytes: 100));
        outbox.EnqueueClip(OutboxFolder.Clip(1500));

        var statistics = outbox.GetStatistics();

        Assert.Equal((1L, 3L), (statistics.Events, statistics.ClipMessages));
        Assert.True(statistics.Bytes > 1600, $"{statistics.Bytes} bytes");
        Assert.InRange(statistics.OldestCreatedAt!.Value, before, DateTimeOffset.UtcNow);
    }
}
