using Microsoft.Extensions.Logging;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>Feeds a <see cref="RecentLog"/> from a logger factory; the factory's filters decide what arrives.</summary>
internal sealed class RecentLogProvider(RecentLog recent) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RecentLogger(recent, categoryName);

    public void Dispose() => recent.Detach();

    private sealed class RecentLogger(RecentLog recent, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && !recent.Detached;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            recent.Add(logLevel, category, exception is null ? message : $"{message} ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
