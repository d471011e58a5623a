using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace EdgeIngest.Footage;

/// <summary>
/// The device's footage requests on disk (<c>{storage}/footage.db</c>), one row per request: what
/// was asked, its state, the owner's answer, the audit positions and the delivery's progress.
/// Every state change is a conditional update (e.g. only a pending request can be answered), so two
/// steps cannot both win. Thread-safe: one connection behind one lock.
/// </summary>
public sealed class FootageRequestStore : IDisposable
{
    public const string FileName = "footage.db";

    private const string Columns = """
        request_id, spec_json, state, received_at_ms, expires_at_ms, received_seq, received_hash,
        answered_by, answered_at_ms, approved_from_ms, approved_to_ms, decline_reason, answer_seq, answer_hash,
        manifest_queued, parts_total, parts_stored, parts_confirmed, bytes_total, sent_at_ms, finished_at_ms, failure
        """;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private bool _disposed;

    private FootageRequestStore(string filePath, SqliteConnection connection)
    {
        FilePath = filePath;
        _connection = connection;
    }

    public string FilePath { get; }

    /// <summary>Opens (or creates) <c>footage.db</c> in <paramref name="storageDirectory"/>; throws <see cref="FootageException"/> naming the file when it cannot be used.</summary>
    public static FootageRequestStore Open(string storageDirectory)
    {
        var file = Path.Combine(storageDirectory, FileName);
        return new FootageRequestStore(file, FootageDatabase.Open(file));
    }

    /// <summary>Every request: pending first (oldest first, the next to expire on top), then the answered ones, newest first.</summary>
    public IReadOnlyList<FootageRequest> List()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM requests ORDER BY state <> $pending, CASE WHEN state = $pending THEN received_at_ms ELSE -received_at_ms END, request_id";
            command.Parameters.AddWithValue("$pending", FootageStates.Pending);
            return ReadAll(command);
        }
    }

    /// <summary>The requests in <paramref name="state"/>, oldest first.</summary>
    public IReadOnlyList<FootageRequest> InState(string state)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM requests WHERE state = $state ORDER BY received_at_ms, request_id";
            command.Parameters.AddWithValue("$state", state);
            return ReadAll(command);
        }
    }

    /// <summary>One request, or null when the id is unknown.</summary>
    public FootageRequest? Get(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM requests WHERE request_id = $id";
            command.Parameters.AddWithValue("$id", requestId);
            return ReadAll(command) is [var one] ? one : null;
        }
    }

    /// <summary>Stores a new pending request; false (nothing changed) when its id is already held.</summary>
    internal bool TryAdd(FootageRequest request) => Write(
        """
        INSERT INTO requests (request_id, spec_json, state, received_at_ms, expires_at_ms, received_seq, received_hash)
        VALUES ($id, $spec, $state, $received, $expires, $seq, $hash) ON CONFLICT (request_id) DO NOTHING
        """,
        ("$id", request.RequestId),
        ("$spec", JsonSerializer.Serialize(request.Spec, FootagePlanJsonContext.Default.FootageRequestSpec)),
        ("$state", request.State),
        ("$received", Ms(request.ReceivedAt)),
        ("$expires", Ms(request.ExpiresAt)),
        ("$seq", request.ReceivedAudit.Sequence),
        ("$hash", request.ReceivedAudit.Hash)) == 1;

    /// <summary>Records the owner's answer and the new state (approved or declined), only while the request is pending.</summary>
    internal bool TryAnswer(string requestId, string state, FootageAnswer answer) => Write(
        """
        UPDATE requests SET state = $state, answered_by = $by, answered_at_ms = $at, approved_from_ms = $from, approved_to_ms = $to,
            decline_reason = $reason, answer_seq = $seq, answer_hash = $hash, finished_at_ms = $finished
        WHERE request_id = $id AND state = $pending
        """,
        ("$id", requestId),
        ("$state", state),
        ("$by", answer.By),
        ("$at", Ms(answer.At)),
        ("$from", answer.ApprovedFrom is { } from ? Ms(from) : null),
        ("$to", answer.ApprovedTo is { } to ? Ms(to) : null),
        ("$reason", answer.DeclineReason),
        ("$seq", answer.Audit.Sequence),
        ("$hash", answer.Audit.Hash),
        ("$finished", state == FootageStates.Approved ? null : Ms(answer.At)),
        ("$pending", FootageStates.Pending)) == 1;

    /// <summary>Ends a request in <paramref name="state"/> (expired, delivered, failed), only from <paramref name="from"/>.</summary>
    internal bool TryFinish(string requestId, string from, string state, DateTimeOffset at, string? failure) => Write(
        "UPDATE requests SET state = $state, finished_at_ms = $at, failure = $failure WHERE request_id = $id AND state = $from",
        ("$id", requestId),
        ("$from", from),
        ("$state", state),
        ("$at", Ms(at)),
        ("$failure", failure)) == 1;

    /// <summary>Keeps the manifest (as sent) and the plan of where each part lies, before the manifest goes to the outbox.</summary>
    internal void SavePlan(string requestId, string manifestJson, FootageDeliveryPlan plan, long bytes) => Write(
        "UPDATE requests SET manifest_json = $manifest, plan_json = $plan, parts_total = $parts, bytes_total = $bytes WHERE request_id = $id",
        ("$id", requestId),
        ("$manifest", manifestJson),
        ("$plan", JsonSerializer.Serialize(plan, FootagePlanJsonContext.Default.FootageDeliveryPlan)),
        ("$parts", plan.Parts.Count),
        ("$bytes", bytes));

    /// <summary>The stored manifest and plan of a request, or null when none was made yet.</summary>
    internal (string ManifestJson, FootageDeliveryPlan Plan)? Plan(string requestId)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT manifest_json, plan_json FROM requests WHERE request_id = $id AND manifest_json IS NOT NULL";
            command.Parameters.AddWithValue("$id", requestId);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var plan = JsonSerializer.Deserialize(reader.GetString(1), FootagePlanJsonContext.Default.FootageDeliveryPlan)
                ?? throw new FootageException($"The footage request file '{FilePath}' holds an empty delivery plan for request '{requestId}'.");
            return (reader.GetString(0), plan);
        }
    }

    internal void MarkManifestQueued(string requestId) =>
        Write("UPDATE requests SET manifest_queued = 1 WHERE request_id = $id", ("$id", requestId));

    /// <summary>Records that parts up to <paramref name="stored"/> (a count) are in the outbox; and when that was the last, when.</summary>
    internal void MarkPartsStored(string requestId, int stored, DateTimeOffset? sentAt) => Write(
        "UPDATE requests SET parts_stored = $stored, sent_at_ms = COALESCE(sent_at_ms, $sent) WHERE request_id = $id",
        ("$id", requestId),
        ("$stored", stored),
        ("$sent", sentAt is { } at ? Ms(at) : null));

    internal void MarkPartsConfirmed(string requestId, int confirmed) => Write(
        "UPDATE requests SET parts_confirmed = $confirmed WHERE request_id = $id",
        ("$id", requestId),
        ("$confirmed", confirmed));

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
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private int Write(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            try
            {
                return command.ExecuteNonQuery();
            }
            catch (SqliteException e)
            {
                throw new FootageException($"Cannot write to the footage request file '{FilePath}': {e.Message}", e);
            }
        }
    }

    private List<FootageRequest> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var requests = new List<FootageRequest>();
        while (reader.Read())
        {
            requests.Add(Read(reader));
        }

        return requests;
    }

    private FootageRequest Read(SqliteDataReader reader)
    {
        var id = reader.GetString(0);
        var spec = JsonSerializer.Deserialize(reader.GetString(1), FootagePlanJsonContext.Default.FootageRequestSpec)
            ?? throw new FootageException($"The footage request file '{FilePath}' holds an empty request '{id}'.");
        long? Long(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        FootageAnswer? answer = Text(7) is { } by
            ? new FootageAnswer(
                by,
                At(reader.GetInt64(8)),
                Long(9) is { } from ? At(from) : null,
                Long(10) is { } to ? At(to) : null,
                Text(11),
                new AuditPositionJson(reader.GetInt64(12), reader.GetString(13)))
            : null;
        var progress = new FootageDeliveryProgress(
            reader.GetInt32(15),
            reader.GetInt32(16),
            reader.GetInt32(17),
            reader.GetInt64(18),
            reader.GetInt64(14) != 0,
            Long(19) is { } sent ? At(sent) : null);
        return new FootageRequest(
            id,
            spec,
            reader.GetString(2),
            At(reader.GetInt64(3)),
            At(reader.GetInt64(4)),
            new AuditPositionJson(reader.GetInt64(5), reader.GetString(6)),
            answer,
            progress,
            Long(20) is { } finished ? At(finished) : null,
            Text(21));
    }
}
