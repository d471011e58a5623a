using Microsoft.Extensions.Logging;

namespace EdgeIngest.Outbox;

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 350, Level = LogLevel.Information, Message = "Outbox {File} opened: {Events} event(s) and {ClipMessages} clip message(s) waiting from before ({Bytes} bytes); they are sent first, in creation order")]
    public static partial void Reopened(ILogger logger, string file, long events, long clipMessages, long bytes);

    [LoggerMessage(EventId = 351, Level = LogLevel.Warning, Message = "Outbox disk budget of {BudgetBytes} bytes exhausted: dropped the clip of event {EventId} ({Bytes} bytes); the drop is reported to the agency")]
    public static partial void ClipDropped(ILogger logger, long budgetBytes, string eventId, long bytes);

    [LoggerMessage(EventId = 352, Level = LogLevel.Warning, Message = "Outbox holds {Bytes} bytes, over its disk budget of {BudgetBytes} bytes, and only events are left: events are still accepted (they are never dropped) while the agency link is down")]
    public static partial void OverBudget(ILogger logger, long bytes, long budgetBytes);

    [LoggerMessage(EventId = 353, Level = LogLevel.Information, Message = "Outbox back within its disk budget ({Bytes} of {BudgetBytes} bytes)")]
    public static partial void WithinBudget(ILogger logger, long bytes, long budgetBytes);
}
