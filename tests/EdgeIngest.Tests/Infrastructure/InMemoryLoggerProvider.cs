using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>Keeps every log line (all levels, exception text included) so tests can search them.</summary>
public sealed class InMemoryLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyCollection<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new InMemoryLogger(categoryName, _lines);

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(LogLevel.Trace);
        builder.AddProvider(this);
    });

    public void Dispose()
    {
    }
}
