using EdgeIngest.Cameras;
using EdgeIngest.Motion;

namespace EdgeIngest.Configuration;

/// <summary>
/// Checks a camera's detection zone and motion gate. Every problem names the key as written in the
/// file, the camera and the value: a zone is edited by hand from a screenshot, and "point 3 of the
/// gate camera is at x 1.2" is what helps then.
/// </summary>
internal static class CameraZoneValidator
{
    /// <summary>
    /// A zone smaller than this share of the frame (0.1 %) cannot hold a readable plate (one at 720p
    /// is about 0.2 % of the frame): it is a typo or points on one line, not a zone.
    /// </summary>
    public const double MinimumArea = 0.001;

    public static void Validate(CameraOptions camera, string at, List<string> problems)
    {
        var name = $"camera '{camera.Id}'";
        if (camera.Zone is { } zone)
        {
            ValidateZone(zone, $"{at}.zone", name, problems);
        }

        ValidateMotion(camera.Motion, $"{at}.motion", name, problems);
    }

    private static void ValidateZone(ZoneOptions zone, string at, string camera, List<string> problems)
    {
        if ((zone.Polygon is null) == (zone.Rectangle is null))
        {
            var found = zone.Polygon is null ? "neither polygon nor rectangle" : "both polygon and rectangle";
            problems.Add($"{at}: {camera}: {found} — expected one of them (leave zone out for the whole frame)");
            return;
        }

        var before = problems.Count;
        if (zone.Polygon is { } polygon)
        {
            CheckPolygon(polygon, $"{at}.polygon", camera, problems);
        }
        else
        {
            CheckRectangle(zone.Rectangle!, $"{at}.rectangle", camera, problems);
        }

        if (problems.Count == before && DetectionZone.From(zone).Area is var area and < MinimumArea)
        {
            problems.Add($"{at}: {camera}: encloses {area * 100:0.###} % of the frame — expected at least {MinimumArea * 100} % "
                + "(a zone of no width or height, or with its points on one line or listed in crossing order, encloses nothing)");
        }
    }

    private static void CheckPolygon(List<List<double>> polygon, string at, string camera, List<string> problems)
    {
        if (polygon.Count < 3)
        {
            problems.Add($"{at}: {camera}: {polygon.Count} point(s) — expected at least 3 [x, y] points around the area");
        }

        for (var i = 0; i < polygon.Count; i++)
        {
            var point = polygon[i];
            if (point is not [var x, var y] || !IsFraction(x) || !IsFraction(y))
            {
                var written = point is null ? "" : string.Join(", ", point);
                problems.Add($"{at}[{i}]: {camera}: '[{written}]' — expected [x, y], each from 0 to 1 (fractions of the frame's width and height)");
            }
        }
    }

    private static void CheckRectangle(RectangleOptions r, string at, string camera, List<string> problems)
    {
        var before = problems.Count;
        CheckFraction(problems, $"{at}.x", camera, r.X, "the left edge, a fraction of the frame's width from 0 to 1");
        CheckFraction(problems, $"{at}.y", camera, r.Y, "the top edge, a fraction of the frame's height from 0 to 1");
        CheckFraction(problems, $"{at}.width", camera, r.Width, "a fraction of the frame's width from 0 to 1");
        CheckFraction(problems, $"{at}.height", camera, r.Height, "a fraction of the frame's height from 0 to 1");
        if (problems.Count != before)
        {
            return;
        }

        // A little slack: 0.3 + 0.7 is not exactly 1 in binary.
        if (r.X + r.Width > 1 + 1e-9)
        {
            problems.Add($"{at}: {camera}: x + width = {r.X + r.Width:0.###} — expected at most 1 (the zone ends inside the frame)");
        }

        if (r.Y + r.Height > 1 + 1e-9)
        {
            problems.Add($"{at}: {camera}: y + height = {r.Y + r.Height:0.###} — expected at most 1 (the zone ends inside the frame)");
        }
    }

    private static void ValidateMotion(MotionOptions motion, string at, string camera, List<string> problems)
    {
        if (motion.LumaThreshold is < 1 or > 254)
        {
            problems.Add($"{at}.luma_threshold: {camera}: '{motion.LumaThreshold}' — expected grey levels from 1 to 254 (default 12)");
        }

        if (double.IsNaN(motion.ChangedFraction) || motion.ChangedFraction is <= 0 or > 1)
        {
            problems.Add($"{at}.changed_fraction: {camera}: '{motion.ChangedFraction}' — expected a fraction of the zone's cells above 0 and at most 1 (default 0.005 = 0.5 %)");
        }

        if (double.IsNaN(motion.KeepAliveSeconds) || motion.KeepAliveSeconds is < 0.1 or > 3600)
        {
            problems.Add($"{at}.keep_alive_seconds: {camera}: '{motion.KeepAliveSeconds}' — expected seconds from 0.1 to 3600 (default 2)");
        }
    }

    private static void CheckFraction(List<string> problems, string field, string camera, double value, string expected)
    {
        if (!IsFraction(value))
        {
            problems.Add($"{field}: {camera}: '{value}' — expected {expected}");
        }
    }

    private static bool IsFraction(double value) => value is >= 0 and <= 1;
}
