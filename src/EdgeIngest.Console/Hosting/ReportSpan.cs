using System.Globalization;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>How many days a report covers (<c>?days=</c>): 1–3650, 30 when not given.</summary>
internal readonly record struct ReportSpan(int Days)
{
    public const int Default = 30;
    public const int Max = 3650;

    public static ReportSpan? Parse(string? days) =>
        string.IsNullOrEmpty(days) ? new ReportSpan(Default)
        : int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= Max ? new ReportSpan(value)
        : null;

    public static string Problem(string? days) => $"days: '{days}' — expected a whole number of days from 1 to {Max}.";
}
