using Microsoft.Extensions.Logging;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>One line of the service's log as the Device page shows it.</summary>
public readonly record struct RecentLogEntry(DateTimeOffset At, LogLevel Level, string Category, string Message);
