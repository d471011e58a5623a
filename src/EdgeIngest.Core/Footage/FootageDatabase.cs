using EdgeIngest.Hosting;
using Microsoft.Data.Sqlite;

namespace EdgeIngest.Footage;

/// <summary>
/// Opens <c>{storage}/footage.db</c> as the outbox opens its file: WAL journal with
/// <c>synchronous=FULL</c> (an answer or a delivery step the owner was told about survives a power
/// cut), an integrity check and our schema version. Anything else is a <see cref="FootageException"/>
/// naming the file, which is never deleted or rewritten here (it holds what the agency asked for).
/// </summary>
internal static class FootageDatabase
{
    private const int SchemaVersion = 1;

    // Times are Unix milliseconds. spec_json is the request as accepted; plan_json is where each
    // part's bytes lie (segment files and ranges), so a part is read again after a restart exactly
    // as it was hashed into manifest_json.
    private const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS requests (
            request_id TEXT PRIMARY KEY,
            spec_json TEXT NOT NULL,
            state TEXT NOT NULL,
            received_at_ms INTEGER NOT NULL,
            expires_at_ms INTEGER NOT NULL,
            received_seq INTEGER NOT NULL,
            received_hash TEXT NOT NULL,
            answered_by TEXT,
            answered_at_ms INTEGER,
            approved_from_ms INTEGER,
            approved_to_ms INTEGER,
            decline_reason TEXT,
            answer_seq INTEGER,
            answer_hash TEXT,
            manifest_json TEXT,
            plan_json TEXT,
            manifest_queued INTEGER NOT NULL DEFAULT 0,
            parts_total INTEGER NOT NULL DEFAULT 0,
            parts_stored INTEGER NOT NULL DEFAULT 0,
            parts_confirmed INTEGER NOT NULL DEFAULT 0,
            bytes_total INTEGER NOT NULL DEFAULT 0,
            sent_at_ms INTEGER,
            finished_at_ms INTEGER,
            failure TEXT) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS requests_by_state ON requests (state, received_at_ms);
        PRAGMA user_version = 1;
        """;

    public static SqliteConnection Open(string filePath) => SqliteFile.OpenForWriting(
        filePath,
        "FULL",
        (folder, reason) => new FootageException($"Cannot create the storage folder '{folder}' for the footage requests: {reason}"),
        (why, inner) => Unusable(filePath, why, inner),
        connection =>
        {
            var version = SqliteFile.UserVersion(connection);
            if (version is not (0 or SchemaVersion))
            {
                throw Unusable(filePath, $"its schema version is {version}, this EdgeIngest knows version {SchemaVersion} (written by a newer version?)", null);
            }

            SqliteFile.Execute(connection, CreateSchema);
        });

    private static FootageException Unusable(string filePath, string why, Exception? inner)
    {
        var message = $"The footage request file '{filePath}' cannot be used: {why}. It was left untouched; it holds the agency's requests and their answers. " +
            "Move it aside (keep it for the record) to start with no requests.";
        return inner is null ? new FootageException(message) : new FootageException(message, inner);
    }
}
