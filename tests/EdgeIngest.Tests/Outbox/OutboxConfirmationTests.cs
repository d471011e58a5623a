using EdgeIngest.Events;
using EdgeIngest.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Outbox;

/// <summary>
/// A message leaves the outbox on the receiver's end-to-end acknowledgement, not on the broker's
/// PUBACK: kept once sent, due again when its confirmation is overdue (backing off per message),
/// due at once after a reconnect, and deleted by its acknowledgement key.
/// </summary>
public sealed class OutboxConfirmationTests
{
    [Fact]
    public void A_Sent_Message_Is_Kept_Until_Confirmed_And_Is_Due_Again_Only_After_The_Confirm_Timeout()
    {
        using var folder = new OutboxFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var outbox = Open(folder, clock);
        var hit = OutboxFolder.Hit(1);
        outbox.Enqueue(hit);

        var first = outbox.PeekNext()!;
        outbox.MarkSent(first.Sequence);

        Assert.Null(outbox.PeekNext());
        Assert.Equal(1, outbox.GetStatistics().Total);
        Assert.Equal(0, outbox.CountNeverSent());
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(outbox.PeekNext());
        clock.Advance(TimeSpan.FromSeconds(2));
        var again = outbox.PeekNext();
        Assert.True(again is not null, "the unconfirmed message was not due again 31 s after its PUBACK (confirm timeout 30 s)");
        Assert.Equal(first.Sequence, again.Sequence);

        // The second send waits twice as long for its confirmation.
        outbox.MarkSent(again.Sequence);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(outbox.PeekNext());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(outbox.PeekNext());

        Assert.Equal(1, outbox.Confirm([AckKeys.ForEvent("hits", hit.EventId)]));
        Assert.Equal(0, outbox.GetStatistics().Total);
        Assert.Null(outbox.PeekNext());
    }

    [Fact]
    public void The_Wait_For_A_Confirmation_Doubles_Per_Send_Up_To_Its_Maximum()
    {
        using var folder = new OutboxFolder();
        // Whole milliseconds: the outbox stores times in milliseconds.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        using var outbox = Open(folder, clock);
        outbox.Enqueue(OutboxFolder.Hit(1));
        var waits = new List<double>();
        for (var send = 0; send < 8; send++)
        {
            var message = outbox.PeekNext()!;
            var sentAt = clock.GetUtcNow();
            outbox.MarkSent(message.Sequence);
            waits.Add((outbox.NextResendAt()!.Value - sentAt).TotalSeconds);
            clock.Advance(outbox.NextResendAt()!.Value - clock.GetUtcNow());
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"waits for a confirmation, per send: {string.Join(", ", waits.Select(w => $"{w:0} s"))}");
        Assert.Equal([30, 60, 120, 240, 480, 480, 480, 480], waits);
    }

    [Fact]
    public void A_Reconnect_Makes_Every_Unconfirmed_Message_Due_At_Once()
    {
        using var folder = new OutboxFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var outbox = Open(folder, clock);
        outbox.Enqueue(OutboxFolder.Hit(1));
        outbox.Enqueue(OutboxFolder.Hit(2));
        outbox.MarkSent(outbox.PeekNext()!.Sequence);
        outbox.MarkSent(outbox.PeekNext()!.Sequence);
        Assert.Null(outbox.PeekNext());

        Assert.Equal(2, outbox.ResendUnconfirmed());

        Assert.Equal(2, OutboxFolder.DrainAll(outbox).Count);
    }

    [Fact]
    public void Every_Kind_Of_Message_Is_Deleted_By_Its_Own_Key_And_No_Other()
    {
        using var folder = new OutboxFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var outbox = Open(folder, clock);
        var topics = OutboxFolder.Topics;
        var hit = OutboxFolder.Hit(1);
        outbox.Enqueue(hit);
        outbox.Enqueue(new OutgoingMessage(topics.Reads, "{}"u8.ToArray(), hit.EventId));
        outbox.Enqueue(new OutgoingMessage(topics.Drops, "{}"u8.ToArray(), hit.EventId));
        outbox.Enqueue(new OutgoingMessage(topics.CommandResults, "{}"u8.ToArray(), "cmd/with-slash"));
        var clip = OutboxFolder.Clip(2500);
        Assert.True(outbox.EnqueueClip(clip));
        var clipMessages = outbox.GetStatistics().ClipMessages;
        Assert.Equal(4, clipMessages); // manifest and 3 chunks of 1,024 bytes

        // A key for another event, or a hit's key used for a read, deletes nothing.
        Assert.Equal(0, outbox.Confirm([AckKeys.ForEvent("hits", Guid.CreateVersion7().ToString()), AckKeys.ForEvent("status", hit.EventId), "nonsense", ""]));
        Assert.Equal(1, outbox.Confirm([AckKeys.ForEvent("hits", hit.EventId)]));
        Assert.Equal(1, outbox.Confirm([AckKeys.ForEvent("reads", hit.EventId)]));
        Assert.Equal(1, outbox.Confirm([AckKeys.ForEvent("drops", hit.EventId)]));
        Assert.Equal(1, outbox.Confirm([AckKeys.ForEvent("command-results", "cmd/with-slash")]));
        Assert.Equal(0, outbox.GetStatistics().Events);
        Assert.Equal(1, outbox.Confirm([AckKeys.ForClipPart($"clips/{clip.EventId}/chunks/1")]));
        Assert.Equal(2, outbox.Confirm([AckKeys.ForClipPart($"clips/{clip.EventId}/manifest"), AckKeys.ForClipPart($"clips/{clip.EventId}/chunks/0")]));
        Assert.Equal(1, outbox.GetStatistics().ClipMessages);
        Assert.Equal(1, outbox.Confirm([AckKeys.ForClipPart($"clips/{clip.EventId}/chunks/2")]));
        Assert.Equal(0, outbox.GetStatistics().Total);
        Assert.Equal(0, outbox.GetStatistics().Bytes);
    }

    [Fact]
    public void An_Outbox_Written_By_The_Previous_Version_Opens_With_Its_Messages_And_Sends_Them()
    {
        using var folder = new OutboxFolder();
        WriteVersion1Outbox(folder.FilePath, ["0193a1b2-0000-7000-8000-000000000001", "0193a1b2-0000-7000-8000-000000000002"]);

        using (var outbox = Open(folder, TimeProvider.System))
        {
            Assert.Equal(2, outbox.GetStatistics().Events);
            Assert.Equal(2, outbox.CountNeverSent());
            var first = outbox.PeekNext()!;
            Assert.Equal("0193a1b2-0000-7000-8000-000000000001", first.EventId);
            outbox.MarkSent(first.Sequence);
            Assert.Equal("0193a1b2-0000-7000-8000-000000000002", outbox.PeekNext()!.EventId);
            Assert.Equal(1, outbox.Confirm([AckKeys.ForEvent("hits", first.EventId)]));
        }

        using var reopened = Open(folder, TimeProvider.System);
        Assert.Equal(1, reopened.GetStatistics().Events);
        using var connection = new SqliteConnection($"Data Source={folder.FilePath};Pooling=False");
        connection.Open();
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        Assert.Equal(2L, version.ExecuteScalar());
    }

    private static DurableOutbox Open(OutboxFolder folder, TimeProvider clock) =>
        DurableOutbox.Open(new OutboxOptions { FilePath = folder.FilePath, ClipChunkBytes = 1024 }, OutboxFolder.Topics, folder.Logs.CreateLogger("outbox"), clock);

    /// <summary>The schema exactly as version 1 created it, with hits waiting in it.</summary>
    private static void WriteVersion1Outbox(string path, IReadOnlyList<string> hitIds)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE messages (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                lane INTEGER NOT NULL,
                topic TEXT NOT NULL,
                event_id TEXT NOT NULL,
                created_at_ms INTEGER NOT NULL,
                bytes INTEGER NOT NULL,
                payload BLOB NOT NULL);
            CREATE INDEX messages_by_lane ON messages (lane, seq);
            CREATE INDEX messages_by_event ON messages (lane, event_id);
            CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            PRAGMA user_version = 1;
            """;
        command.ExecuteNonQuery();
        foreach (var id in hitIds)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO messages (lane, topic, event_id, created_at_ms, bytes, payload) VALUES (0, $topic, $id, 0, 10, x'7b7d')";
            insert.Parameters.AddWithValue("$topic", OutboxFolder.Topics.Hits);
            insert.Parameters.AddWithValue("$id", id);
            insert.ExecuteNonQuery();
        }
    }
}
