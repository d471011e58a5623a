using Microsoft.Extensions.Logging;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>Sends ASP.NET Core's logs to the service's own logger factory (one log, one format), without taking ownership of it.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory loggers) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => loggers.CreateLogger(categoryName);

    public void Dispose()
    {
        // The factory belongs to the service.
    }
}
