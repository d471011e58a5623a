using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EdgeIngest.Records;

/// <summary>
/// Opens <c>{storage}/records/records.db</c> and makes sure it is one we can trust: WAL journal, an
/// integrity check and our schema version; anything else is a <see cref="RecordsException"/> naming
/// the file, which is never deleted or rewritten here (it holds what the owner may be asked for).
/// <c>synchronous=NORMAL</c>: a power cut may lose the last moments of local records, never the
/// file; what proves a disclosure is the audit, which syncs every record.
/// </summary>
internal static class RecordsDatabase
{
    private const int SchemaVersion = 1;

    private const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS reads (
            event_id TEXT PRIMARY KEY,
            camera_id TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            plate TEXT NOT NULL,
            confidence REAL NOT NULL,
            shared INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS reads_by_time ON reads (at_ms);
        CREATE TABLE IF NOT EXISTS hits (
            event_id TEXT PRIMARY KEY,
            camera_id TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            plate TEXT NOT NULL,
            listed_plate TEXT NOT NULL,
            category TEXT NOT NULL,
            match_kind TEXT NOT NULL,
            distance INTEGER NOT NULL,
            disclosed INTEGER NOT NULL,
            withheld_reason TEXT,
            hotlist_version INTEGER,
            agreement_version INTEGER);
        CREATE INDEX IF NOT EXISTS hits_by_time ON hits (at_ms);
        CREATE TABLE IF NOT EXISTS evidence (
            path TEXT PRIMARY KEY,
            event_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            bytes INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS evidence_by_time ON evidence (at_ms);
        CREATE INDEX IF NOT EXISTS evidence_by_event ON evidence (event_id);
        CREATE TABLE IF NOT EXISTS daily_counters (
            day TEXT NOT NULL,
            counter TEXT NOT NULL,
            category TEXT NOT NULL,
            detail TEXT NOT NULL,
            value INTEGER NOT NULL,
            PRIMARY KEY (day, counter, category, detail)) WITHOUT ROWID;
        PRAGMA user_version = 1;
        """;

    static RecordsDatabase() => SQLitePCL.Batteries_V2.Init();

    public static SqliteConnection Open(string filePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(filePath))!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordsException($"Cannot create the records folder '{folder}': {e.Message}", e);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Prepare(connection, filePath);
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Unusable(filePath, $"SQLite error {e.SqliteErrorCode}: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing file for reading only (the report, run by the owner perhaps as another
    /// user: it must not create or change anything the service owns).
    /// </summary>
    public static SqliteConnection OpenReadOnly(string filePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version != SchemaVersion)
            {
                throw Unusable(filePath, $"its schema version is {version}, this EdgeIngest reads version {SchemaVersion}", null);
            }

            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Unusable(filePath, $"SQLite error {e.SqliteErrorCode}: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Prepare(SqliteConnection connection, string filePath)
    {
        var journal = Scalar(connection, "PRAGMA journal_mode=WAL");
        if (!string.Equals(journal as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw Unusable(filePath, $"it cannot use a write-ahead log (journal mode '{journal}')", null);
        }

        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=16777216;");
        var integrity = Scalar(connection, "PRAGMA quick_check") as string;
        if (integrity != "ok")
        {
            throw Unusable(filePath, $"the integrity check failed: {integrity}", null);
        }

        var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version is not (0 or SchemaVersion))
        {
            throw Unusable(filePath, $"its schema version is {version}, this EdgeIngest knows version {SchemaVersion} (written by a newer version?)", null);
        }

        Execute(connection, CreateSchema);
    }

    private static RecordsException Unusable(string filePath, string why, Exception? inner)
    {
        var message = $"The records file '{filePath}' cannot be used: {why}. It was left untouched. Move it aside (keep it: it holds the box's reads and hits) to start with an empty store.";
        return inner is null ? new RecordsException(message) : new RecordsException(message, inner);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
