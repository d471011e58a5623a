using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Outbox;

/// <summary>
/// Everything waiting for the agency, on disk (SQLite, WAL, <c>synchronous=FULL</c>). An enqueue
/// returns only once its transaction is committed, so an event the caller was told about survives
/// a crash or a power cut. A message the broker acknowledged (PUBACK) is only marked sent
/// (<see cref="MarkSent"/>) and kept: it leaves through <see cref="Confirm"/>, when the receiver's
/// end-to-end acknowledgement says it is stored at the agency (a broker may crash before saving
/// what it acknowledged). An unconfirmed message is due again after <see cref="OutboxOptions.ConfirmTimeout"/>
/// (doubling per message up to <see cref="OutboxOptions.ConfirmTimeoutMax"/>), or at once after a
/// reconnect (<see cref="ResendUnconfirmed"/>). After a restart, what is left is sent again in
/// creation order; receivers de-duplicate by event id. Thread-safe: one connection behind one lock (SQLite serialises
/// writers anyway, and the rates here are a few messages a second).
/// </summary>
public sealed class DurableOutbox : IDisposable
{
    private const string DroppedClipBytesCounter = "dropped_clip_bytes";
    private const string FootageGroupPrefix = "footage/";
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly OutboxOptions _options;
    private readonly TopicLayout _topics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<bool> _arrivals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _bytes;
    private long _droppedClipBytes;
    private bool _overBudget;
    private bool _disposed;

    private DurableOutbox(SqliteConnection connection, OutboxOptions options, TopicLayout topics, ILogger logger, TimeProvider time)
    {
        _connection = connection;
        _options = options;
        _topics = topics;
        _logger = logger;
        _time = time;
    }

    public string FilePath => _options.FilePath;

    /// <summary>The device's topics (its acknowledgement topic, and the subtree the keys are relative to).</summary>
    public TopicLayout Topics => _topics;

    public long BudgetBytes => _options.BudgetBytes;

    /// <summary>The size of the chunks clip-lane videos are sent in.</summary>
    public int ClipChunkBytes => _options.ClipChunkBytes;

    /// <summary>
    /// Raised after a confirmation deleted footage messages (on the thread that confirmed, outside
    /// the outbox's lock): the footage delivery waits for exactly that before it stores its next part.
    /// </summary>
    public event Action? FootageConfirmed;

    /// <summary>Opens (or creates) the outbox file; throws <see cref="OutboxException"/> naming the file when it cannot be used.</summary>
    public static DurableOutbox Open(OutboxOptions options, TopicLayout topics, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BudgetBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ClipChunkBytes);
        var outbox = new DurableOutbox(OutboxDatabase.Open(options.FilePath), options, topics, logger, time ?? TimeProvider.System);
        try
        {
            outbox.LoadTotals();
        }
        catch (SqliteException e)
        {
            outbox.Dispose();
            throw new OutboxException($"The outbox file '{options.FilePath}' cannot be read: {e.Message}. It was left untouched.", e);
        }

        return outbox;
    }

    /// <summary>Stores an event in the event lane; durable when this returns. Never refused for lack of budget.</summary>
    public void Enqueue(OutgoingMessage message) => Enqueue(message, clipPromise: null);

    /// <summary>
    /// Stores an event in the event lane; durable when this returns. Never refused for lack of budget.
    /// With a <paramref name="clipPromise"/> (a hit whose clip will follow), the promise is stored
    /// in the same transaction: there is no instant at which the hit is on disk and its promised
    /// clip is not, so a crash before the clip is stored is always found at the next start.
    /// </summary>
    public void Enqueue(OutgoingMessage message, ClipPromise? clipPromise)
    {
        ArgumentNullException.ThrowIfNull(message);
        Write(transaction =>
        {
            var size = SizeOf(message.Topic, message.Payload.Length);
            MakeRoom(transaction, size);
            Insert(transaction, OutboxLane.Events, message.Topic, message.EventId, message.Payload, size);
            if (clipPromise is not null)
            {
                InsertPromise(transaction, clipPromise);
            }
        });
    }

    /// <summary>
    /// Stores a clip in the clip lane as its manifest and chunks, all or nothing. Older clips are
    /// evicted to make room; returns false (and reports the drop) when the clip alone does not fit.
    /// Either way the clip's promise is closed in the same transaction.
    /// </summary>
    public bool EnqueueClip(ClipToSend clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var chunkBytes = _options.ClipChunkBytes;
        var manifest = ClipMessages.Manifest(clip, _topics.DeviceId, chunkBytes);
        var manifestPayload = ClipMessages.Serialize(manifest);
        var manifestTopic = _topics.ClipManifest(clip.EventId);
        var total = SizeOf(manifestTopic, manifestPayload.Length);
        for (var i = 0; i < manifest.Chunks; i++)
        {
            total += SizeOf(_topics.ClipChunk(clip.EventId, i), ClipMessages.Chunk(clip.Mp4, chunkBytes, i).Length);
        }

        var accepted = false;
        Write(transaction =>
        {
            // A clip that would not fit even with every other clip gone is refused up front, so
            // that older clips are not evicted for nothing.
            accepted = UnevictableBytes(transaction) + total <= _options.BudgetBytes && MakeRoom(transaction, total);
            if (accepted)
            {
                Insert(transaction, OutboxLane.Clips, manifestTopic, clip.EventId, manifestPayload, SizeOf(manifestTopic, manifestPayload.Length));
                for (var i = 0; i < manifest.Chunks; i++)
                {
                    var topic = _topics.ClipChunk(clip.EventId, i);
                    var chunk = ClipMessages.Chunk(clip.Mp4, chunkBytes, i);
                    Insert(transaction, OutboxLane.Clips, topic, clip.EventId, chunk, SizeOf(topic, chunk.Length));
                }
            }
            else
            {
                RecordBudgetDrop(transaction, clip.EventId, clip.Mp4.Length);
            }

            DeletePromise(transaction, clip.EventId);
        });
        return accepted;
    }

    /// <summary>The clip-lane group of a footage request's messages: never evicted for room (<see cref="TryEnqueueFootage"/>).</summary>
    public static string FootageGroup(string requestId) => $"{FootageGroupPrefix}{requestId}";

    /// <summary>
    /// Stores <paramref name="messages"/> (arbitrary topics and bytes; each one's
    /// <see cref="OutgoingMessage.EventId"/> is its group, <see cref="FootageGroup"/>) in the clip
    /// lane, all or nothing, and only when they fit the budget as it is: nothing is evicted to make
    /// room for them, and they are never evicted to make room for a hit's clip. Returns false (and
    /// stores nothing) when they do not fit now; the caller tries again when the outbox has drained.
    /// </summary>
    public bool TryEnqueueFootage(IReadOnlyList<OutgoingMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            if (!message.EventId.StartsWith(FootageGroupPrefix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"footage message on '{message.Topic}' has group '{message.EventId}', not a footage group ({FootageGroupPrefix}…)", nameof(messages));
            }
        }

        var total = messages.Sum(m => SizeOf(m.Topic, m.Payload.Length));
        var accepted = false;
        Write(transaction =>
        {
            accepted = _bytes + total <= _options.BudgetBytes;
            if (accepted)
            {
                foreach (var message in messages)
                {
                    Insert(transaction, OutboxLane.Clips, message.Topic, message.EventId, message.Payload, SizeOf(message.Topic, message.Payload.Length));
                }
            }
        });
        return accepted;
    }

    /// <summary>How many clip-lane messages of <paramref name="group"/> whose topic starts with <paramref name="topicPrefix"/> wait for the receiver's confirmation (0: all confirmed).</summary>
    public long CountWaiting(string group, string topicPrefix)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(topicPrefix);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM messages WHERE lane = $lane AND event_id = $group AND substr(topic, 1, $length) = $prefix";
            command.Parameters.AddWithValue("$lane", (int)OutboxLane.Clips);
            command.Parameters.AddWithValue("$group", group);
            command.Parameters.AddWithValue("$length", topicPrefix.Length);
            command.Parameters.AddWithValue("$prefix", topicPrefix);
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>
    /// Reports that the promised clip of <paramref name="eventId"/> will never come (an
    /// <c>edgeingest.drop/1</c> in the event lane) and closes its promise, in one transaction.
    /// </summary>
    public void ReportClipDropped(string eventId, long bytes, string reason, string reasonCode)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(reasonCode);
        Write(transaction =>
        {
            RecordDrop(transaction, eventId, bytes, reason, reasonCode);
            DeletePromise(transaction, eventId);
        });
    }

    /// <summary>
    /// One write transaction that adds to the outbox, under the lock; then the budget state is
    /// checked and a waiting sender woken.
    /// </summary>
    private void Write(Action<SqliteTransaction> work)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                using var transaction = _connection.BeginTransaction();
                work(transaction);
                transaction.Commit();
            }
            catch
            {
                // Rolled back (e.g. the disk is full): the running totals must match the file again.
                ReloadTotals();
                throw;
            }

            CheckBudgetState();
        }

        _arrivals.Writer.TryWrite(true);
    }

    /// <summary>The clips promised and neither stored nor reported dropped, oldest promise first.</summary>
    public IReadOnlyList<ClipPromise> OpenClipPromises()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT event_id, camera_id, from_ms, to_ms, promised_at_ms FROM clip_promises ORDER BY promised_at_ms, event_id";
            using var reader = command.ExecuteReader();
            var promises = new List<ClipPromise>();
            while (reader.Read())
            {
                promises.Add(new ClipPromise(
                    reader.GetString(0),
                    reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
            }

            return promises;
        }
    }

    /// <summary>The next message due: the oldest event, or when there is none, the oldest clip message (sent-and-unconfirmed ones only once their confirmation is overdue).</summary>
    public StoredMessage? PeekNext() => PeekNextAfter(0, 0);

    /// <summary>
    /// The next message not yet sent on this connection: the oldest event after
    /// <paramref name="lastEventSent"/>, or when there is none, the oldest clip message after
    /// <paramref name="lastClipSent"/> (sequences, 0 for none). A sender keeping several in flight
    /// walks each lane in creation order with this, and starts again from 0 after a reconnect.
    /// </summary>
    public StoredMessage? PeekNextAfter(long lastEventSent, long lastClipSent)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT seq, lane, topic, event_id, created_at_ms, payload FROM messages
                WHERE ((lane = $events AND seq > $lastEvent) OR (lane = $clips AND seq > $lastClip))
                    AND (resend_at_ms IS NULL OR resend_at_ms <= $now)
                ORDER BY lane, seq LIMIT 1
                """;
            command.Parameters.AddWithValue("$events", (int)OutboxLane.Events);
            command.Parameters.AddWithValue("$clips", (int)OutboxLane.Clips);
            command.Parameters.AddWithValue("$lastEvent", lastEventSent);
            command.Parameters.AddWithValue("$lastClip", lastClipSent);
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            return new StoredMessage(
                reader.GetInt64(0),
                (OutboxLane)reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                (byte[])reader.GetValue(5));
        }
    }

    /// <summary>
    /// Records that the broker acknowledged a send, keeping the message until the receiver confirms
    /// it: it is due again after the confirmation timeout, which doubles with each send of it. A
    /// message already confirmed or evicted is ignored.
    /// </summary>
    public void MarkSent(long sequence)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var read = _connection.CreateCommand();
            read.CommandText = "SELECT sent_count FROM messages WHERE seq = $seq";
            read.Parameters.AddWithValue("$seq", sequence);
            if (read.ExecuteScalar() is not long sends)
            {
                return;
            }

            var wait = ConfirmWait(sends);
            using var update = _connection.CreateCommand();
            update.CommandText = "UPDATE messages SET sent_count = sent_count + 1, resend_at_ms = $due WHERE seq = $seq";
            update.Parameters.AddWithValue("$seq", sequence);
            update.Parameters.AddWithValue("$due", (_time.GetUtcNow() + wait).ToUnixTimeMilliseconds());
            update.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Deletes the messages the receiver confirmed, by their <see cref="AckKeys"/> keys, in one
    /// transaction; returns how many were still here (a key seen twice, or for a message evicted
    /// meanwhile, is ignored; an unreadable key too).
    /// </summary>
    public int Confirm(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var deleted = 0;
        var footage = false;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction();
            foreach (var key in keys)
            {
                if (!AckKeys.TryParse(key, out var relative, out var eventId))
                {
                    continue;
                }

                footage |= eventId is null && relative.StartsWith("footage/", StringComparison.Ordinal);

                using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = eventId is null
                    ? "DELETE FROM messages WHERE lane = $lane AND topic = $topic RETURNING bytes"
                    : "DELETE FROM messages WHERE lane = $lane AND event_id = $id AND topic = $topic RETURNING bytes";
                command.Parameters.AddWithValue("$lane", (int)(eventId is null ? OutboxLane.Clips : OutboxLane.Events));
                command.Parameters.AddWithValue("$topic", $"{_topics.Prefix}/{_topics.DeviceId}/{relative}");
                command.Parameters.AddWithValue("$id", (object?)eventId ?? DBNull.Value);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    _bytes -= reader.GetInt64(0);
                    deleted++;
                }
            }

            transaction.Commit();
            CheckBudgetState();
        }

        if (footage && deleted > 0)
        {
            FootageConfirmed?.Invoke();
        }

        return deleted;
    }

    /// <summary>Makes every sent-but-unconfirmed message due at once (after a reconnect, or when the receiver asks: a broker that crashed lost what it had not saved).</summary>
    public int ResendUnconfirmed()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE messages SET resend_at_ms = NULL WHERE resend_at_ms IS NOT NULL";
            var due = command.ExecuteNonQuery();
            if (due > 0)
            {
                // Wakes a sender that waits for work: these are due now, not at their old time.
                _arrivals.Writer.TryWrite(true);
            }

            return due;
        }
    }

    /// <summary>When the earliest unconfirmed message falls due again; null when none waits for a confirmation.</summary>
    public DateTimeOffset? NextResendAt()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT MIN(resend_at_ms) FROM messages";
            return command.ExecuteScalar() is long due ? DateTimeOffset.FromUnixTimeMilliseconds(due) : null;
        }
    }

    /// <summary>Messages not yet acknowledged by the broker even once (what a stopping sender still tries to hand over).</summary>
    public long CountNeverSent()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM messages WHERE sent_count = 0";
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>
    /// Deletes a message outright (a sender told to trust the broker's PUBACK, e.g. with no
    /// receiver behind it). A message already evicted (a dropped clip) is ignored.
    /// </summary>
    public void Acknowledge(long sequence)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM messages WHERE seq = $seq RETURNING bytes";
            command.Parameters.AddWithValue("$seq", sequence);
            if (command.ExecuteScalar() is long bytes)
            {
                _bytes -= bytes;
                CheckBudgetState();
            }
        }
    }

    /// <summary>
    /// Lets the file grow by at most <paramref name="pages"/> more pages, after which writes fail
    /// with SQLITE_FULL exactly as on a full disk; for tests of that path, which a test cannot
    /// otherwise reach without mounting a small file system.
    /// </summary>
    internal void LimitGrowthForTests(long pages)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT page_count FROM pragma_page_count()";
            var current = (long)command.ExecuteScalar()!;
            command.CommandText = $"PRAGMA max_page_count = {current + pages}";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Completes when something was enqueued since the last call (or at once if it was); callers then <see cref="PeekNext"/> again.</summary>
    public async Task WaitForArrivalAsync(CancellationToken cancellationToken) =>
        await _arrivals.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    public OutboxStatistics GetStatistics()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT lane, COUNT(*), MIN(created_at_ms) FROM messages GROUP BY lane";
            using var reader = command.ExecuteReader();
            long events = 0, clips = 0;
            long? oldest = null;
            while (reader.Read())
            {
                var count = reader.GetInt64(1);
                if ((OutboxLane)reader.GetInt32(0) == OutboxLane.Events)
                {
                    events = count;
                }
                else
                {
                    clips = count;
                }

                var created = reader.GetInt64(2);
                oldest = oldest is null ? created : Math.Min(oldest.Value, created);
            }

            return new OutboxStatistics(events, clips, _bytes, oldest is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(oldest.Value), _droppedClipBytes);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }

        _arrivals.Writer.TryComplete();
    }

    /// <summary>The confirmation timeout for a message sent <paramref name="earlierSends"/> times before: doubling, capped.</summary>
    private TimeSpan ConfirmWait(long earlierSends)
    {
        var wait = _options.ConfirmTimeout;
        for (var i = 0; i < earlierSends && wait < _options.ConfirmTimeoutMax; i++)
        {
            wait += wait;
        }

        return wait < _options.ConfirmTimeoutMax ? wait : _options.ConfirmTimeoutMax;
    }

    /// <summary>The budget counts payload and topic bytes: what the outbox holds, independent of SQLite's page layout.</summary>
    private static long SizeOf(string topic, int payloadBytes) => payloadBytes + Encoding.UTF8.GetByteCount(topic);

    /// <summary>
    /// Evicts whole clips, oldest first, until <paramref name="incoming"/> more bytes fit the budget.
    /// Returns false when they still do not fit (only events and footage parts are left); neither is ever evicted.
    /// </summary>
    private bool MakeRoom(SqliteTransaction transaction, long incoming)
    {
        while (_bytes + incoming > _options.BudgetBytes)
        {
            if (OldestClip(transaction) is not { } clip)
            {
                return false;
            }

            using var delete = _connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM messages WHERE lane = $lane AND event_id = $id";
            delete.Parameters.AddWithValue("$lane", (int)OutboxLane.Clips);
            delete.Parameters.AddWithValue("$id", clip.EventId);
            delete.ExecuteNonQuery();
            _bytes -= clip.StoredBytes;
            RecordBudgetDrop(transaction, clip.EventId, clip.VideoBytes);
        }

        return true;
    }

    /// <summary>What no eviction can free: the event lane and footage parts.</summary>
    private long UnevictableBytes(SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(SUM(bytes), 0) FROM messages WHERE lane = $lane OR substr(event_id, 1, $length) = $footage";
        command.Parameters.AddWithValue("$lane", (int)OutboxLane.Events);
        command.Parameters.AddWithValue("$length", FootageGroupPrefix.Length);
        command.Parameters.AddWithValue("$footage", FootageGroupPrefix);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The oldest clip still waiting: its stored bytes (for the budget) and its video bytes not yet sent (for the drop report).</summary>
    private (string EventId, long StoredBytes, long VideoBytes)? OldestClip(SqliteTransaction transaction)
    {
        using var oldest = _connection.CreateCommand();
        oldest.Transaction = transaction;
        // Footage parts are never evicted: the owner approved them, and each waits for room instead.
        oldest.CommandText = "SELECT event_id FROM messages WHERE lane = $lane AND substr(event_id, 1, $length) <> $footage ORDER BY seq LIMIT 1";
        oldest.Parameters.AddWithValue("$lane", (int)OutboxLane.Clips);
        oldest.Parameters.AddWithValue("$length", FootageGroupPrefix.Length);
        oldest.Parameters.AddWithValue("$footage", FootageGroupPrefix);
        if (oldest.ExecuteScalar() is not string eventId)
        {
            return null;
        }

        using var sizes = _connection.CreateCommand();
        sizes.Transaction = transaction;
        sizes.CommandText = "SELECT SUM(bytes), SUM(CASE WHEN topic = $manifest THEN 0 ELSE length(payload) END) FROM messages WHERE lane = $lane AND event_id = $id";
        sizes.Parameters.AddWithValue("$lane", (int)OutboxLane.Clips);
        sizes.Parameters.AddWithValue("$id", eventId);
        sizes.Parameters.AddWithValue("$manifest", _topics.ClipManifest(eventId));
        using var reader = sizes.ExecuteReader();
        reader.Read();
        return (eventId, reader.GetInt64(0), reader.GetInt64(1));
    }

    private void RecordBudgetDrop(SqliteTransaction transaction, string eventId, long bytes)
    {
        RecordDrop(transaction, eventId, bytes, $"outbox disk budget of {DescribeBudget()} exhausted", ClipDropReason.BudgetExhausted);
        OutboxLog.ClipDropped(_logger, _options.BudgetBytes, eventId, bytes);
    }

    /// <summary>Reports a dropped clip as an <c>edgeingest.drop/1</c> event in the event lane, in the same transaction as the drop.</summary>
    private void RecordDrop(SqliteTransaction transaction, string eventId, long bytes, string reason, string reasonCode)
    {
        var drop = new DropEvent(DropEvent.SchemaV1, _topics.DeviceId, _time.GetUtcNow(), DropEvent.ClipKind, eventId, bytes, reason, reasonCode);
        var payload = JsonSerializer.SerializeToUtf8Bytes(drop, EventJsonContext.Default.DropEvent);
        Insert(transaction, OutboxLane.Events, _topics.Drops, eventId, payload, SizeOf(_topics.Drops, payload.Length));

        _droppedClipBytes += bytes;
        using var counter = _connection.CreateCommand();
        counter.Transaction = transaction;
        counter.CommandText = "INSERT INTO counters (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = $value";
        counter.Parameters.AddWithValue("$name", DroppedClipBytesCounter);
        counter.Parameters.AddWithValue("$value", _droppedClipBytes);
        counter.ExecuteNonQuery();
    }

    private void InsertPromise(SqliteTransaction transaction, ClipPromise promise)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        // A hit is enqueued once; a repeat (a retried call) must not fail the hit itself.
        command.CommandText = """
            INSERT INTO clip_promises (event_id, camera_id, from_ms, to_ms, promised_at_ms) VALUES ($id, $camera, $from, $to, $at)
            ON CONFLICT (event_id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", promise.EventId);
        command.Parameters.AddWithValue("$camera", promise.CameraId);
        command.Parameters.AddWithValue("$from", promise.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", promise.To.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$at", promise.PromisedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    private void DeletePromise(SqliteTransaction transaction, string eventId)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM clip_promises WHERE event_id = $id";
        command.Parameters.AddWithValue("$id", eventId);
        command.ExecuteNonQuery();
    }

    private void Insert(SqliteTransaction transaction, OutboxLane lane, string topic, string eventId, ReadOnlyMemory<byte> payload, long size)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO messages (lane, topic, event_id, created_at_ms, bytes, payload) VALUES ($lane, $topic, $id, $at, $bytes, $payload)";
        command.Parameters.AddWithValue("$lane", (int)lane);
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$id", eventId);
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$bytes", size);
        command.Parameters.Add("$payload", SqliteType.Blob).Value = payload.ToArray();
        command.ExecuteNonQuery();
        _bytes += size;
    }

    /// <summary>Warns once on going over budget (only events left), and says so once when back within it.</summary>
    private void CheckBudgetState()
    {
        var over = _bytes > _options.BudgetBytes;
        if (over == _overBudget)
        {
            return;
        }

        _overBudget = over;
        if (over)
        {
            OutboxLog.OverBudget(_logger, _bytes, _options.BudgetBytes);
        }
        else
        {
            OutboxLog.WithinBudget(_logger, _bytes, _options.BudgetBytes);
        }
    }

    private string DescribeBudget() => _options.BudgetBytes % (1024 * 1024) == 0
        ? $"{_options.BudgetBytes / (1024 * 1024)} MB"
        : $"{_options.BudgetBytes} bytes";

    private void LoadTotals()
    {
        ReloadTotals();
        var statistics = GetStatistics();
        if (statistics.Total > 0)
        {
            OutboxLog.Reopened(_logger, _options.FilePath, statistics.Events, statistics.ClipMessages, statistics.Bytes);
            _arrivals.Writer.TryWrite(true);
        }
    }

    private void ReloadTotals()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(bytes), 0), (SELECT value FROM counters WHERE name = $name) FROM messages";
        command.Parameters.AddWithValue("$name", DroppedClipBytesCounter);
        using var reader = command.ExecuteReader();
        reader.Read();
        _bytes = reader.GetInt64(0);
        _droppedClipBytes = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
    }
}
