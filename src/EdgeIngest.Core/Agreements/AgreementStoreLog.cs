using Microsoft.Extensions.Logging;

namespace EdgeIngest.Agreements;

internal static partial class AgreementStoreLog
{
    [LoggerMessage(EventId = 440, Level = LogLevel.Information, Message = "Agreement {AgreementId} version {Version} in force from {File}")]
    public static partial void Loaded(ILogger logger, string agreementId, long version, string file);

    [LoggerMessage(EventId = 441, Level = LogLevel.Error, Message = "Stored agreement version {Version} cannot be used, trying the next newest: {Problem}")]
    public static partial void StoredVersionUnusable(ILogger logger, long version, string problem);

    [LoggerMessage(EventId = 442, Level = LogLevel.Information, Message = "Agreement version {Version} stored as {File}")]
    public static partial void Stored(ILogger logger, long version, string file);

    [LoggerMessage(EventId = 443, Level = LogLevel.Warning, Message = "Could not delete the old agreement file {File}: {Reason}")]
    public static partial void PruneFailed(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 444, Level = LogLevel.Error, Message = "The configured agreement file cannot be used; stored version {Version} stays in force: {Problem}")]
    public static partial void ConfiguredFileUnusable(ILogger logger, string problem, long version);

    [LoggerMessage(EventId = 445, Level = LogLevel.Information, Message = "No signed agreement: the local policy governs (sharing.policy, every category, local retention)")]
    public static partial void NoneHeld(ILogger logger);
}
