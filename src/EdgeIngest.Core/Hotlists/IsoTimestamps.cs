using System.Globalization;

namespace EdgeIngest.Hotlists;

/// <summary>
/// Instants in signed documents and their CSV sources: ISO 8601 with an explicit offset
/// (<c>2026-12-31T23:59:00Z</c>), so a list means the same thing on every box whatever its time
/// zone. A bare date (<c>2026-12-31</c>) is accepted where an expiry is meant: through that day, UTC.
/// </summary>
public static class IsoTimestamps
{
    public const string Expected = "expected an ISO 8601 time with offset, e.g. 2026-12-31T23:59:00Z";

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>An expiry: a time with offset, or a bare date meaning the end of that day (UTC).</summary>
    public static bool TryParseExpiry(string? text, out DateTimeOffset value)
    {
        if (TryParse(text, out value))
        {
            return true;
        }

        if (text is not null && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return false;
    }

    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
