using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hosting;

/// <summary>
/// One-line console logs: what a property owner or technician reads on the box. In a terminal
/// each line starts with the time and the level; under systemd, where journald stamps the time
/// itself, each line starts with its syslog priority instead (<c>&lt;4&gt;</c> for a warning), so
/// <c>journalctl -p warning</c> finds the warnings.
/// </summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) => Create(minimum, JournalStream.IsStandardOutput());

    internal static ILoggerFactory Create(LogLevel minimum, bool toJournal) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(minimum).AddFilter("EdgeIngest.Events", LogLevel.Information);
        if (toJournal)
        {
            builder.AddSystemdConsole();
            return;
        }

        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.UseUtcTimestamp = false;
        });
    });
}
