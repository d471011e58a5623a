using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EdgeIngest.Motion;

namespace EdgeIngest.WebConsole.Views;

/// <summary>
/// The zone as the form carries it: corners <c>x,y</c> separated by spaces, fractions of the
/// picture with a point for decimals (what the zone editor writes, and readable by a person).
/// Only the form is checked here; ranges and area are the configuration's rules
/// (<see cref="Configuration.ConfigValidator.ValidateCameras"/>), applied on save.
/// </summary>
internal static class ZoneForm
{
    /// <summary>A form value longer than this is not a hand-drawn zone.</summary>
    private const int MaxCorners = 64;

    public static string Write(ZoneOptions? zone)
    {
        if (zone?.Rectangle is { } r)
        {
            return Points([[r.X, r.Y], [r.X + r.Width, r.Y], [r.X + r.Width, r.Y + r.Height], [r.X, r.Y + r.Height]]);
        }

        return zone?.Polygon is { } polygon ? Points(polygon) : "";
    }

    public static bool TryRead(string? text, out ZoneOptions? zone, [NotNullWhen(false)] out string? problem)
    {
        zone = null;
        problem = null;
        var corners = (text ?? "").Split([' ', '\n', '\r', '\t', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (corners.Length == 0)
        {
            return true;
        }

        if (corners.Length > MaxCorners)
        {
            problem = $"{corners.Length} corners — expected at most {MaxCorners}";
            return false;
        }

        var polygon = new List<List<double>>(corners.Length);
        for (var i = 0; i < corners.Length; i++)
        {
            var xy = corners[i].Split(',');
            if (xy.Length != 2
                || !double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                || !double.IsFinite(x) || !double.IsFinite(y))
            {
                problem = $"corner {i + 1} '{Shorten(corners[i])}' — expected x,y: two numbers such as 0.25,0.6 (fractions of the picture's width and height)";
                return false;
            }

            polygon.Add([x, y]);
        }

        zone = new ZoneOptions { Polygon = polygon };
        return true;
    }

    private static string Points(IEnumerable<IReadOnlyList<double>> points) =>
        string.Join(" ", points.Select(p => string.Join(",", p.Select(v => v.ToString("0.####", CultureInfo.InvariantCulture)))));

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
