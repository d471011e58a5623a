using Microsoft.Data.Sqlite;

namespace EdgeIngest.Hosting;

/// <summary>
/// How every SQLite store on the box (the outbox, the records) opens its file: its folder created,
/// no connection pooling (closing must really close the file: tests reopen it, and a restart must
/// not find it held), a write-ahead log required, the store's <c>synchronous</c> level, and an
/// integrity check. Each store names its own errors through <c>unusable</c> (file, why, cause) and
/// checks its own schema version in <c>prepare</c>; a file that fails is never changed here.
/// </summary>
internal static class SqliteFile
{
    static SqliteFile() => SQLitePCL.Batteries_V2.Init();

    /// <summary>Opens (creating it when missing) and prepares a store's file.</summary>
    public static SqliteConnection OpenForWriting(
        string filePath,
        string synchronous,
        Func<string, string, Exception> folderFailed,
        Func<string, Exception?, Exception> unusable,
        Action<SqliteConnection> prepare)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(filePath))!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw folderFailed(folder, e.Message);
        }

        return Open(filePath, SqliteOpenMode.ReadWriteCreate, unusable, connection =>
        {
            var journal = Scalar(connection, "PRAGMA journal_mode=WAL");
            if (!string.Equals(journal as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw unusable($"it cannot use a write-ahead log (journal mode '{journal}')", null);
            }

            Execute(connection, $"PRAGMA synchronous={synchronous}; PRAGMA journal_size_limit=16777216;");
            var integrity = Scalar(connection, "PRAGMA quick_check") as string;
            if (integrity != "ok")
            {
                throw unusable($"the integrity check failed: {integrity}", null);
            }

            prepare(connection);
        });
    }

    /// <summary>Opens with <paramref name="mode"/> and runs <paramref name="prepare"/>; an SQLite error becomes the store's own.</summary>
    public static SqliteConnection Open(string filePath, SqliteOpenMode mode, Func<string, Exception?, Exception> unusable, Action<SqliteConnection> prepare)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = mode,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            prepare(connection);
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw unusable($"SQLite error {e.SqliteErrorCode}: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static long UserVersion(SqliteConnection connection) =>
        Convert.ToInt64(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
