using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Tests.Outbox;
using Microsoft.Data.Sqlite;

namespace EdgeIngest.Tests.Clips;

/// <summary>The promise of a clip in the outbox file: stored with its hit, closed with its clip or drop report, readable after a restart.</summary>
public sealed class ClipPromiseTests : IDisposable
{
    private readonly OutboxFolder _folder = new();

    [Fact]
    public void A_Promise_Stored_With_Its_Hit_Survives_A_Restart_And_Is_Closed_By_Its_Clip()
    {
        var hit = OutboxFolder.Hit(1);
        var promise = PromiseFor(hit.EventId);
        using (var outbox = _folder.Open())
        {
            outbox.Enqueue(hit, promise);
        }

        using var reopened = _folder.Open();
        Assert.Equal([promise], reopened.OpenClipPromises());

        var clip = OutboxFolder.Clip(3000) with { EventId = hit.EventId };
        Assert.True(reopened.EnqueueClip(clip));
        Assert.Empty(reopened.OpenClipPromises());
    }

    [Fact]
    public void A_Clip_Over_The_Budget_Is_Reported_Dropped_The_Hit_Is_Kept_And_The_Promise_Closed()
    {
        using var outbox = _folder.Open(budgetBytes: 5_000, chunkBytes: 1000);
        var hit = OutboxFolder.Hit(1);
        outbox.Enqueue(hit, PromiseFor(hit.EventId));

        var accepted = outbox.EnqueueClip(OutboxFolder.Clip(8_000) with { EventId = hit.EventId });

        Assert.False(accepted);
        Assert.Empty(outbox.OpenClipPromises());
        var sent = OutboxFolder.DrainAll(outbox);
        Assert.Contains(sent, m => m.Topic == OutboxFolder.Topics.Hits && m.EventId == hit.EventId);
        var drop = Drops(sent).Single();
        Assert.Equal((hit.EventId, ClipDropReason.BudgetExhausted, 8_000L), (drop.EventId, drop.ReasonCode, drop.Bytes));
    }

    [Fact]
    public void A_Reported_Drop_Carries_Its_Reason_And_Code_And_Closes_The_Promise()
    {
        using var outbox = _folder.Open();
        var hit = OutboxFolder.Hit(1);
        outbox.Enqueue(hit, PromiseFor(hit.EventId));

        outbox.ReportClipDropped(hit.EventId, 0, "the camera sent nothing", ClipDropReason.CutFailed);

        Assert.Empty(outbox.OpenClipPromises());
        var drop = Drops(OutboxFolder.DrainAll(outbox)).Single();
        Assert.Equal((DropEvent.SchemaV1, "clip", hit.EventId, "the camera sent nothing", ClipDropReason.CutFailed), (drop.Schema, drop.Kind, drop.EventId, drop.Reason, drop.ReasonCode));
    }

    [Fact]
    public void An_Outbox_File_Written_Before_Promises_Existed_Opens_With_Its_Messages_And_Takes_Promises()
    {
        // The schema of the release before clip_promises: messages and counters, user_version 1.
        using (var old = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _folder.FilePath, Pooling = false }.ToString()))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, lane INTEGER NOT NULL, topic TEXT NOT NULL, event_id TEXT NOT NULL,
                    created_at_ms INTEGER NOT NULL, bytes INTEGER NOT NULL, payload BLOB NOT NULL);
                CREATE INDEX messages_by_lane ON messages (lane, seq);
                CREATE INDEX messages_by_event ON messages (lane, event_id);
                CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO messages (lane, topic, event_id, created_at_ms, bytes, payload) VALUES (0, 'edgeingest/test-device/hits', 'old-hit', 1, 4, x'7b7d0a0a');
                PRAGMA user_version = 1;
                """;
            create.ExecuteNonQuery();
        }

        using var outbox = _folder.Open();

        Assert.Empty(outbox.OpenClipPromises());
        Assert.Equal("old-hit", outbox.PeekNext()?.EventId);
        var hit = OutboxFolder.Hit(2);
        outbox.Enqueue(hit, PromiseFor(hit.EventId));
        Assert.Equal(hit.EventId, Assert.Single(outbox.OpenClipPromises()).EventId);
    }

    public void Dispose() => _folder.Dispose();

    internal static ClipPromise PromiseFor(string eventId)
    {
        // Whole milliseconds: what the file keeps.
        var read = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return new ClipPromise(eventId, "gate", read.AddSeconds(-5), read.AddSeconds(10), read);
    }

    private static List<DropEvent> Drops(IEnumerable<StoredMessage> sent) =>
        [.. sent.Where(m => m.Topic == OutboxFolder.Topics.Drops).Select(m => JsonSerializer.Deserialize(m.Payload, EventJsonContext.Default.DropEvent)!)];
}
