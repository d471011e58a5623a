using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hotlists;

internal static partial class HotlistStoreLog
{
    [LoggerMessage(EventId = 420, Level = LogLevel.Information, Message = "Hotlist version {Version} in use from {File} ({Entries:N0} entries)")]
    public static partial void Loaded(ILogger logger, long version, string file, int entries);

    [LoggerMessage(EventId = 421, Level = LogLevel.Error, Message = "Stored hotlist version {Version} cannot be used, trying the next newest: {Problem}")]
    public static partial void StoredVersionUnusable(ILogger logger, long version, string problem);

    [LoggerMessage(EventId = 422, Level = LogLevel.Information, Message = "Hotlist version {Version} stored as {File}")]
    public static partial void Stored(ILogger logger, long version, string file);

    [LoggerMessage(EventId = 423, Level = LogLevel.Warning, Message = "Could not delete the old hotlist file {File}: {Reason}")]
    public static partial void PruneFailed(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 424, Level = LogLevel.Error, Message = "The configured hotlist file cannot be used; the stored version {Version} stays in force: {Problem}")]
    public static partial void ConfiguredFileUnusable(ILogger logger, string problem, long version);
}
