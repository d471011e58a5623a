using EdgeIngest.WebConsole.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>The Device page's log ring: newest first, the last hour only, bounded, fed by a logger factory.</summary>
public sealed class RecentLogTests
{
    [Fact]
    public void It_Keeps_The_Newest_Lines_Of_The_Last_Hour_Up_To_Its_Capacity()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recent = new RecentLog(capacity: 3, clock);
        recent.Add(LogLevel.Information, "a", "old");
        clock.Advance(TimeSpan.FromMinutes(61));
        foreach (var message in new[] { "one", "two", "three", "four" })
        {
            recent.Add(LogLevel.Warning, "b", message);
        }

        Assert.Equal(["four", "three", "two"], recent.NewestFirst().Select(l => l.Message));

        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Empty(recent.NewestFirst());
    }

    [Fact]
    public void A_Factory_Feeds_It_Through_Its_Filters_Until_It_Is_Detached()
    {
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information));
        var recent = RecentLog.AttachTo(loggers);
        var logger = loggers.CreateLogger("EdgeIngest.Test");

        logger.LogDebug("filtered out");
        logger.LogWarning(new InvalidOperationException("boom"), "camera {Camera} failed", "gate");
        recent.Detach();
        logger.LogInformation("after detach");

        var line = Assert.Single(recent.NewestFirst());
        Assert.Equal((LogLevel.Warning, "EdgeIngest.Test", "camera gate failed (InvalidOperationException: boom)"), (line.Level, line.Category, line.Message));
    }
}
