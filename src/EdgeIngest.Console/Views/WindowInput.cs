using System.Globalization;

namespace EdgeIngest.WebConsole.Views;

/// <summary>
/// The approve-a-shorter-window form's two <c>datetime-local</c> inputs: a moment written in the
/// box's time zone (what the page shows), and read back from what the browser posts.
/// </summary>
internal static class WindowInput
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF"];

    /// <summary>
    /// The input's value for <paramref name="at"/>, to the second, in the shortest form (no seconds
    /// when they are 0), as a browser writes the value itself: it posts back what it was given.
    /// </summary>
    public static string Write(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString(local.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads a posted value as a moment in <paramref name="zone"/>. A value within a second of
    /// <paramref name="snapTo"/> is that bound exactly: the input shows whole seconds, the agency's
    /// window may not be.
    /// </summary>
    public static bool TryRead(string? value, string name, TimeZoneInfo zone, DateTimeOffset snapTo, out DateTimeOffset at, out string problem)
    {
        at = default;
        problem = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = $"the {name} of the window is missing: give a date and time";
            return false;
        }

        if (!DateTime.TryParseExact(value.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            problem = $"the {name} of the window, '{value.Trim()}', is not a date and time (expected like 2026-12-06T14:00:00)";
            return false;
        }

        if (zone.IsInvalidTime(local))
        {
            problem = $"the {name} of the window, {value.Trim()}, does not exist in the box's time zone (the clocks skipped it)";
            return false;
        }

        at = new DateTimeOffset(local, zone.GetUtcOffset(local));
        if ((at - snapTo).Duration() < TimeSpan.FromSeconds(1))
        {
            at = snapTo;
        }

        return true;
    }
}
