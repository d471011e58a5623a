using Microsoft.Extensions.Logging;

namespace EdgeIngest.Records;

internal static partial class RecordsLog
{
    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Purged past retention: {Reads} reads, {Hits} hits, {Files} evidence files ({Bytes} bytes); keeping reads {ReadDays} d, hits {HitDays} d, evidence {EvidenceDays} d")]
    public static partial void Purged(ILogger logger, int reads, int hits, int files, long bytes, int readDays, int hitDays, int evidenceDays);

    [LoggerMessage(EventId = 611, Level = LogLevel.Error, Message = "The purge of the local records failed (tried again in an hour): {Reason}")]
    public static partial void PurgeFailed(ILogger logger, string reason);
}
