using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hosting;

/// <summary>One-line, timestamped console logs: what a property owner or technician reads on the box.</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(minimum)
        .AddFilter("EdgeIngest.Events", LogLevel.Information)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.UseUtcTimestamp = false;
        }));
}
