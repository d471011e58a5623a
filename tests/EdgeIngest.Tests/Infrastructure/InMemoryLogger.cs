using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Infrastructure;

internal sealed class InMemoryLogger(string category, ConcurrentQueue<LogLine> lines) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // The structured values too, not just the rendered message: a secret must be in neither.
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(" ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
            : "";
        lines.Enqueue(new LogLine(category, logLevel, eventId.Id, formatter(state, exception), values, exception?.ToString()));
    }
}
