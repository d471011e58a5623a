using System.Globalization;
using EdgeIngest.Agreements;
using EdgeIngest.Hotlists;
using Microsoft.Data.Sqlite;

namespace EdgeIngest.Records;

/// <summary>
/// The box's own record of what it saw and did (<c>{storage}/records/</c>): reads, hits (disclosed
/// or withheld), their evidence files, and the day counters the transparency report reads. Rows
/// and counters are written in one transaction, so a report never counts a row that is not there.
/// Everything goes at its retention (<see cref="Purge"/>). Thread-safe: one connection behind a lock.
/// Each call is one SQLite commit; call it off the recogniser's turn.
/// </summary>
public sealed class RecordStore : IDisposable
{
    public const string FileName = "records.db";

    /// <summary>The evidence kind of a hit's video clip (an MP4 file); the other kinds are JPEG snapshots.</summary>
    public const string ClipKind = "clip";
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly EvidenceFiles _evidence;

    private RecordStore(string folder, SqliteConnection connection)
    {
        Folder = folder;
        _connection = connection;
        _evidence = new EvidenceFiles(folder);
    }

    /// <summary>The records folder (<c>{storage}/records</c>); evidence paths are relative to it.</summary>
    public string Folder { get; }

    public static RecordStore Open(string storageDirectory)
    {
        var folder = Path.Combine(storageDirectory, "records");
        return new RecordStore(folder, RecordsDatabase.Open(Path.Combine(folder, FileName)));
    }

    /// <summary>
    /// Opens the store for reading only, as the report does; null when the box has no store yet
    /// (nothing recorded). Writing through it fails.
    /// </summary>
    public static RecordStore? OpenForReading(string storageDirectory)
    {
        var folder = Path.Combine(storageDirectory, "records");
        var file = Path.Combine(folder, FileName);
        return File.Exists(file) ? new RecordStore(folder, RecordsDatabase.OpenReadOnly(file)) : null;
    }

    /// <summary>Keeps a vehicle pass and counts it (a shared read also as a disclosure); a second call for the same event changes nothing.</summary>
    public void RecordRead(RecordedRead read)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var inserted = Execute(
                transaction,
                "INSERT OR IGNORE INTO reads (event_id, camera_id, at_ms, plate, confidence, shared) VALUES ($e, $c, $t, $p, $q, $s)",
                ("$e", read.EventId), ("$c", read.CameraId), ("$t", read.At.ToUnixTimeMilliseconds()), ("$p", read.Plate), ("$q", (double)read.Confidence), ("$s", read.Shared ? 1 : 0));
            if (inserted == 1)
            {
                var day = DayOf(read.At);
                Count(transaction, day, DailyCounters.VehiclesRead, "", read.CameraId, 1);
                if (read.Shared)
                {
                    Count(transaction, day, DailyCounters.Disclosures, "", "read", 1);
                }
            }

            transaction.Commit();
        }
    }

    /// <summary>Keeps a hotlist match and counts it by category and match kind, and as disclosed or withheld (by reason); idempotent per event.</summary>
    public void RecordHit(RecordedHit hit)
    {
        var matchKind = MatchKindName(hit.MatchKind);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var inserted = Execute(
                transaction,
                """
                INSERT OR IGNORE INTO hits (event_id, camera_id, at_ms, plate, listed_plate, category, match_kind, distance, disclosed, withheld_reason, hotlist_version, agreement_version)
                VALUES ($e, $c, $t, $p, $l, $g, $k, $d, $x, $w, $h, $a)
                """,
                ("$e", hit.EventId), ("$c", hit.CameraId), ("$t", hit.At.ToUnixTimeMilliseconds()), ("$p", hit.Plate), ("$l", hit.ListedPlate),
                ("$g", hit.Category), ("$k", matchKind), ("$d", hit.Distance), ("$x", hit.Disclosed ? 1 : 0), ("$w", hit.WithheldReason),
                ("$h", hit.HotlistVersion), ("$a", hit.AgreementVersion));
            if (inserted == 1)
            {
                var day = DayOf(hit.At);
                Count(transaction, day, DailyCounters.Hits, hit.Category, matchKind, 1);
                if (hit.Disclosed)
                {
                    Count(transaction, day, DailyCounters.Disclosures, hit.Category, "hit", 1);
                }
                else
                {
                    Count(transaction, day, DailyCounters.Withheld, hit.Category, hit.WithheldReason ?? "unspecified", 1);
                }
            }

            transaction.Commit();
        }
    }

    /// <summary>Counts a match the agreement kept on the box without keeping a row (use instead of <see cref="RecordHit"/>, never both).</summary>
    /// <summary>Counts a disclosure that is not a vehicle read of its own (<paramref name="what"/>: <c>correction</c>), for the transparency report.</summary>
    public void CountDisclosure(string what, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            Count(transaction, DayOf(at), DailyCounters.Disclosures, "", what, 1);
            transaction.Commit();
        }
    }

    public void CountWithheld(string category, string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            Count(transaction, DayOf(at), DailyCounters.Withheld, category, reason, 1);
            transaction.Commit();
        }
    }

    /// <summary>
    /// Stores a snapshot of an event (<paramref name="kind"/>: <c>plate</c>, <c>frame</c>, …, JPEG; or
    /// <c>clip</c>, MP4) as a file, whole on disk before its row is written; returns its path relative
    /// to <see cref="Folder"/>.
    /// </summary>
    public string StoreEvidence(string eventId, string kind, DateTimeOffset at, ReadOnlySpan<byte> bytes)
    {
        var relative = EvidenceFiles.RelativePath(eventId, kind, at);
        var path = Path.Combine(Folder, relative);
        try
        {
            EvidenceFiles.WriteWhole(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordsException($"Cannot store the {kind} evidence of event {eventId} at '{path}': {e.Message}", e);
        }

        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            Execute(
                transaction,
                "INSERT OR REPLACE INTO evidence (path, event_id, kind, at_ms, bytes) VALUES ($p, $e, $k, $t, $b)",
                ("$p", relative), ("$e", eventId), ("$k", kind), ("$t", at.ToUnixTimeMilliseconds()), ("$b", (long)bytes.Length));
            transaction.Commit();
        }

        return relative;
    }

    /// <summary>
    /// Deletes every read, hit and evidence file past its retention (counted from the event's time)
    /// and counts the purge for today. Rows go first, in one transaction; then their files; then any
    /// file past retention that no row names any more.
    /// </summary>
    public PurgeCounts Purge(RetentionDays retention, DateTimeOffset now)
    {
        var (rows, files) = PurgeRows(retention, now);
        foreach (var file in files)
        {
            EvidenceFiles.TryDelete(Path.Combine(Folder, file));
        }

        var orphans = _evidence.SweepBefore(now - TimeSpan.FromDays(retention.Evidence), now);
        return rows with { OrphanFiles = orphans };
    }

    /// <summary>The row half of <see cref="Purge"/>: returns the counts and the evidence files whose rows went (a crash after this leaves them for the next sweep).</summary>
    internal (PurgeCounts Counts, IReadOnlyList<string> Files) PurgeRows(RetentionDays retention, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(retention);
        if (retention.Reads < 0 || retention.Hits < 0 || retention.Evidence < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "retention days cannot be negative");
        }

        long Cutoff(int days) => (now - TimeSpan.FromDays(days)).ToUnixTimeMilliseconds();
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var files = new List<string>();
            long bytes = 0;
            using (var select = Command(transaction, "SELECT path, bytes FROM evidence WHERE at_ms < $t", ("$t", Cutoff(retention.Evidence))))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    files.Add(reader.GetString(0));
                    bytes += reader.GetInt64(1);
                }
            }

            Execute(transaction, "DELETE FROM evidence WHERE at_ms < $t", ("$t", Cutoff(retention.Evidence)));
            var reads = Execute(transaction, "DELETE FROM reads WHERE at_ms < $t", ("$t", Cutoff(retention.Reads)));
            var hits = Execute(transaction, "DELETE FROM hits WHERE at_ms < $t", ("$t", Cutoff(retention.Hits)));
            var today = DayOf(now);
            Count(transaction, today, DailyCounters.PurgedReads, "", "", reads);
            Count(transaction, today, DailyCounters.PurgedHits, "", "", hits);
            Count(transaction, today, DailyCounters.PurgedEvidence, "", "", files.Count);
            Execute(transaction, "DELETE FROM daily_counters WHERE day < $d", ("$d", Day(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-DailyCounters.KeepDays))));
            transaction.Commit();
            return (new PurgeCounts(reads, hits, files.Count, bytes, 0), files);
        }
    }

    /// <summary>The day counters from <paramref name="from"/> to <paramref name="to"/> (UTC days, inclusive).</summary>
    public IReadOnlyList<DailyCount> DailyCounts(DateOnly from, DateOnly to)
    {
        lock (_gate)
        {
            using var command = Command(
                null,
                "SELECT day, counter, category, detail, value FROM daily_counters WHERE day >= $f AND day <= $t ORDER BY day, counter, category, detail",
                ("$f", Day(from)), ("$t", Day(to)));
            using var reader = command.ExecuteReader();
            var counts = new List<DailyCount>();
            while (reader.Read())
            {
                counts.Add(new DailyCount(
                    DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetInt64(4)));
            }

            return counts;
        }
    }

    /// <summary>What the box holds right now: rows of each kind and the evidence files with their bytes.</summary>
    public StoreContents Contents()
    {
        lock (_gate)
        {
            using var command = Command(
                null,
                "SELECT (SELECT COUNT(*) FROM reads), (SELECT COUNT(*) FROM hits), (SELECT COUNT(*) FROM evidence), (SELECT COALESCE(SUM(bytes), 0) FROM evidence)");
            using var reader = command.ExecuteReader();
            reader.Read();
            return new StoreContents(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }
    }

    /// <summary>The evidence paths (relative to <see cref="Folder"/>) stored for an event.</summary>
    public IReadOnlyList<string> EvidenceOf(string eventId)
    {
        lock (_gate)
        {
            using var command = Command(null, "SELECT path FROM evidence WHERE event_id = $e ORDER BY path", ("$e", eventId));
            using var reader = command.ExecuteReader();
            var paths = new List<string>();
            while (reader.Read())
            {
                paths.Add(reader.GetString(0));
            }

            return paths;
        }
    }

    /// <summary>The newest hits the box kept, newest first, at most <paramref name="limit"/> (what the console lists).</summary>
    public IReadOnlyList<RecordedHit> RecentHits(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            using var command = Command(
                null,
                """
                SELECT event_id, camera_id, at_ms, plate, listed_plate, category, match_kind, distance, disclosed, withheld_reason, hotlist_version, agreement_version
                FROM hits ORDER BY at_ms DESC, event_id LIMIT $n
                """,
                ("$n", limit));
            using var reader = command.ExecuteReader();
            var hits = new List<RecordedHit>();
            while (reader.Read())
            {
                hits.Add(new RecordedHit(
                    reader.GetString(0),
                    reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    MatchKindOf(reader.GetString(6)),
                    reader.GetInt32(7),
                    reader.GetInt64(8) != 0,
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetInt64(10),
                    reader.IsDBNull(11) ? null : reader.GetInt64(11)));
            }

            return hits;
        }
    }

    /// <summary>The newest reads the box kept, newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<RecordedRead> RecentReads(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            using var command = Command(
                null,
                "SELECT event_id, camera_id, at_ms, plate, confidence, shared FROM reads ORDER BY at_ms DESC, event_id LIMIT $n",
                ("$n", limit));
            using var reader = command.ExecuteReader();
            var reads = new List<RecordedRead>();
            while (reader.Read())
            {
                reads.Add(new RecordedRead(
                    reader.GetString(0),
                    reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    reader.GetString(3),
                    (float)reader.GetDouble(4),
                    reader.GetInt64(5) != 0));
            }

            return reads;
        }
    }

    /// <summary>
    /// The full path of the evidence file of <paramref name="kind"/> the store lists for an event, or
    /// null when it lists none (or the file is gone). The path comes from the store's own row, never
    /// from the caller, and must lie under <see cref="Folder"/>: a caller cannot name another file.
    /// </summary>
    public string? EvidenceFileOf(string eventId, string kind)
    {
        string? relative;
        lock (_gate)
        {
            using var command = Command(null, "SELECT path FROM evidence WHERE event_id = $e AND kind = $k ORDER BY path LIMIT 1", ("$e", eventId), ("$k", kind));
            relative = command.ExecuteScalar() as string;
        }

        if (relative is null)
        {
            return null;
        }

        var root = Path.GetFullPath(Folder) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The documented names (snake_case), independent of the enum's C# spelling.</summary>
    public static string MatchKindName(MatchKind kind) => kind switch
    {
        MatchKind.Exact => "exact",
        MatchKind.LookAlike => "look_alike",
        MatchKind.Wildcard => "wildcard",
        _ => "other",
    };

    private static MatchKind MatchKindOf(string name) => name switch
    {
        "exact" => MatchKind.Exact,
        "look_alike" => MatchKind.LookAlike,
        "wildcard" => MatchKind.Wildcard,
        _ => throw new RecordsException($"the records hold an unknown match kind '{name}'"),
    };

    private static string DayOf(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.UtcDateTime));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Count(SqliteTransaction transaction, string day, string counter, string category, string detail, long by)
    {
        if (by == 0)
        {
            return;
        }

        Execute(
            transaction,
            "INSERT INTO daily_counters (day, counter, category, detail, value) VALUES ($d, $n, $c, $x, $v) ON CONFLICT (day, counter, category, detail) DO UPDATE SET value = value + $v",
            ("$d", day), ("$n", counter), ("$c", category), ("$x", detail), ("$v", by));
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static int Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }
}
