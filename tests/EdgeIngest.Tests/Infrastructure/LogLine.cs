using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Infrastructure;

public sealed record LogLine(string Category, LogLevel Level, int EventId, string Message, string Values, string? Exception)
{
    public bool Contains(string text) =>
        Message.Contains(text, StringComparison.Ordinal)
        || Values.Contains(text, StringComparison.Ordinal)
        || (Exception?.Contains(text, StringComparison.Ordinal) ?? false);

    public override string ToString() => $"{Level} {EventId} {Message}";
}
