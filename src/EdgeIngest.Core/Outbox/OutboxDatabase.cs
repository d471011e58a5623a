using EdgeIngest.Hosting;
using Microsoft.Data.Sqlite;

namespace EdgeIngest.Outbox;

/// <summary>
/// Opens the outbox's SQLite file and makes sure it is one we can trust: WAL journal with
/// <c>synchronous=FULL</c> (a committed insert survives a power cut), an integrity check, and our
/// schema version. Anything else is an <see cref="OutboxException"/> naming the file; the file is
/// never deleted or rewritten here, because it may hold evidence not yet delivered.
/// <c>clip_promises</c> is created if missing, so a file written before it existed opens as is
/// (a table added, nothing rewritten; no version change needed for that).
/// </summary>
internal static class OutboxDatabase
{
    private const int SchemaVersion = 2;

    // Version 2 keeps a message after the broker's PUBACK until the receiver confirms it:
    // sent_count counts the sends, resend_at_ms is when an unconfirmed one goes out again (NULL:
    // not sent on this connection yet, so due at once).
    private const string MigrateFrom1 = """
        ALTER TABLE messages ADD COLUMN sent_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN resend_at_ms INTEGER;
        PRAGMA user_version = 2;
        """;

    private const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            lane INTEGER NOT NULL,
            topic TEXT NOT NULL,
            event_id TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            payload BLOB NOT NULL,
            sent_count INTEGER NOT NULL DEFAULT 0,
            resend_at_ms INTEGER);
        CREATE INDEX IF NOT EXISTS messages_by_lane ON messages (lane, seq);
        CREATE INDEX IF NOT EXISTS messages_by_event ON messages (lane, event_id);
        CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS clip_promises (
            event_id TEXT PRIMARY KEY,
            camera_id TEXT NOT NULL,
            from_ms INTEGER NOT NULL,
            to_ms INTEGER NOT NULL,
            promised_at_ms INTEGER NOT NULL) WITHOUT ROWID;
        PRAGMA user_version = 2;
        """;

    public static SqliteConnection Open(string filePath) => SqliteFile.OpenForWriting(
        filePath,
        "FULL",
        (folder, reason) => new OutboxException($"Cannot create the storage folder '{folder}' for the outbox: {reason}"),
        (why, inner) => Unusable(filePath, why, inner),
        connection => Prepare(connection, filePath));

    private static void Prepare(SqliteConnection connection, string filePath)
    {
        var version = SqliteFile.UserVersion(connection);
        if (version is not (0 or 1 or SchemaVersion))
        {
            throw Unusable(filePath, $"its schema version is {version}, this EdgeIngest knows version {SchemaVersion} (written by a newer version?)", null);
        }

        if (version == 1)
        {
            // An outbox written by the previous version: add the columns in place, all or nothing,
            // so that every waiting message is kept (and sent as never sent).
            using var transaction = connection.BeginTransaction();
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = MigrateFrom1;
            migrate.ExecuteNonQuery();
            transaction.Commit();
        }

        SqliteFile.Execute(connection, CreateSchema);
    }

    private static OutboxException Unusable(string filePath, string why, Exception? inner)
    {
        var message = $"The outbox file '{filePath}' cannot be used: {why}. It was left untouched; it may hold events not yet delivered. " +
            "Move it aside (keep it for recovery) to start with an empty outbox.";
        return inner is null ? new OutboxException(message) : new OutboxException(message, inner);
    }
}
