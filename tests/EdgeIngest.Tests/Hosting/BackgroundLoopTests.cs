using EdgeIngest.Hosting;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Hosting;

/// <summary>What every background loop relies on: one start, a stop that is safe twice and bounded, a crash that is logged.</summary>
public sealed class BackgroundLoopTests
{
    [Fact]
    public async Task A_Crash_Is_Logged_With_The_Loops_Name_And_Stopping_Afterwards_Or_Twice_Is_Quiet()
    {
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        var loop = new Loop("test loop", loggers.CreateLogger("Test"), _ => throw new InvalidDataException("broken on purpose"));
        loop.Start();

        await Eventually.HoldsAsync(() => loop.HasEnded, TimeSpan.FromSeconds(10), () => "the crashing loop did not end");
        await loop.StopAsync();
        await loop.DisposeAsync();

        var crash = Assert.Single(logs.Lines, line => line.EventId == 90);
        Assert.Equal(LogLevel.Error, crash.Level);
        Assert.Contains("test loop", crash.Message, StringComparison.Ordinal);
        Assert.Contains("broken on purpose", crash.Exception, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(loop.Start);
    }

    [Fact]
    public async Task A_Loop_That_Ignores_Its_Stop_Is_Given_Up_On_After_The_Stop_Timeout_And_Logged()
    {
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        using var release = new CancellationTokenSource();
        var stubborn = new Loop("stubborn loop", loggers.CreateLogger("Test"), _ => Task.Delay(Timeout.Infinite, release.Token)) { StopTimeout = TimeSpan.FromMilliseconds(200) };
        stubborn.Start();

        await stubborn.StopAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.False(stubborn.HasEnded);
        var warning = Assert.Single(logs.Lines, line => line.EventId == 91);
        Assert.Contains("stubborn loop", warning.Message, StringComparison.Ordinal);
        await release.CancelAsync();
        await stubborn.DisposeAsync();
    }

    [Fact]
    public async Task A_Stop_Before_Start_Returns_At_Once()
    {
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        var loop = new Loop("never started", loggers.CreateLogger("Test"), stopping => Task.Delay(Timeout.Infinite, stopping));

        await loop.StopAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await loop.DisposeAsync();

        Assert.Empty(logs.Lines);
    }

    private sealed class Loop(string name, ILogger logger, Func<CancellationToken, Task> body) : BackgroundLoop(name, logger)
    {
        protected override Task RunAsync(CancellationToken stopping) => body(stopping);
    }
}
