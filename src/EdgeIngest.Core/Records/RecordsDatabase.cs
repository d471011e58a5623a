using EdgeIngest.Hosting;
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

    public static SqliteConnection Open(string filePath) => SqliteFile.OpenForWriting(
        filePath,
        "NORMAL",
        (folder, reason) => new RecordsException($"Cannot create the records folder '{folder}': {reason}"),
        (why, inner) => Unusable(filePath, why, inner),
        connection => Prepare(connection, filePath));

    /// <summary>
    /// Opens an existing file for reading only (the report, run by the owner perhaps as another
    /// user: it must not create or change anything the service owns).
    /// </summary>
    public static SqliteConnection OpenReadOnly(string filePath) =>
        SqliteFile.Open(filePath, SqliteOpenMode.ReadOnly, (why, inner) => Unusable(filePath, why, inner), connection =>
        {
            var version = SqliteFile.UserVersion(connection);
            if (version != SchemaVersion)
            {
                throw Unusable(filePath, $"its schema version is {version}, this EdgeIngest reads version {SchemaVersion}", null);
            }
        });

    private static void Prepare(SqliteConnection connection, string filePath)
    {
        var version = SqliteFile.UserVersion(connection);
        if (version is not (0 or SchemaVersion))
        {
            throw Unusable(filePath, $"its schema version is {version}, this EdgeIngest knows version {SchemaVersion} (written by a newer version?)", null);
        }

        SqliteFile.Execute(connection, CreateSchema);
    }

    private static RecordsException Unusable(string filePath, string why, Exception? inner)
    {
        var message = $"The records file '{filePath}' cannot be used: {why}. It was left untouched. Move it aside (keep it: it holds the box's reads and hits) to start with an empty store.";
        return inner is null ? new RecordsException(message) : new RecordsException(message, inner);
    }
}
