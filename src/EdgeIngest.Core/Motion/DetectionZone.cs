namespace EdgeIngest.Motion;

/// <summary>
/// A camera's detection zone as a polygon in fractions of the frame (0..1 of width and height),
/// built once from the configuration. Containment is the even-odd rule, so concave zones (an L of
/// two lanes) work; a point on an edge may fall either side, which no plate box notices.
/// </summary>
public sealed class DetectionZone
{
    private readonly double[] _x;
    private readonly double[] _y;

    private DetectionZone(double[] x, double[] y, bool isWholeFrame)
    {
        _x = x;
        _y = y;
        IsWholeFrame = isWholeFrame;
    }

    /// <summary>The default when a camera sets no zone: every point of the frame.</summary>
    public static DetectionZone WholeFrame { get; } = new([0, 1, 1, 0], [0, 0, 1, 1], isWholeFrame: true);

    /// <summary>True for the default zone: checks then cost nothing.</summary>
    public bool IsWholeFrame { get; }

    public int PointCount => _x.Length;

    /// <summary>The polygon's corners in order (fractions of the frame), for drawing it; a new array each call.</summary>
    public (double X, double Y)[] Points()
    {
        var points = new (double X, double Y)[_x.Length];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = (_x[i], _y[i]);
        }

        return points;
    }

    /// <summary>The enclosed area as a fraction of the frame (shoelace formula; a self-crossing polygon's lobes may cancel).</summary>
    public double Area
    {
        get
        {
            var twice = 0.0;
            for (int i = 0, j = _x.Length - 1; i < _x.Length; j = i++)
            {
                twice += (_x[j] * _y[i]) - (_x[i] * _y[j]);
            }

            return Math.Abs(twice) / 2;
        }
    }

    /// <summary>The zone a camera's (validated) options describe: its polygon, its rectangle, or the whole frame.</summary>
    public static DetectionZone From(ZoneOptions? options)
    {
        if (options?.Polygon is { } polygon)
        {
            return FromPoints(polygon.Select(p => p[0]).ToArray(), polygon.Select(p => p[1]).ToArray());
        }

        if (options?.Rectangle is { } r)
        {
            return FromPoints([r.X, r.X + r.Width, r.X + r.Width, r.X], [r.Y, r.Y, r.Y + r.Height, r.Y + r.Height]);
        }

        return WholeFrame;
    }

    /// <summary>A polygon through the given points, in order; at least 3.</summary>
    public static DetectionZone FromPoints(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length || x.Length < 3)
        {
            throw new ArgumentException($"a zone needs at least 3 points with an x and a y each; got {x.Length} x and {y.Length} y", nameof(x));
        }

        return new DetectionZone((double[])x.Clone(), (double[])y.Clone(), isWholeFrame: false);
    }

    /// <summary>Whether the point (fractions of width and height) lies inside. Allocates nothing: it runs per read.</summary>
    public bool Contains(double x, double y)
    {
        if (IsWholeFrame)
        {
            return true;
        }

        // Even-odd rule: count the edges a ray from the point to the right crosses.
        var inside = false;
        for (int i = 0, j = _x.Length - 1; i < _x.Length; j = i++)
        {
            if ((_y[i] > y) != (_y[j] > y) && x < ((_x[j] - _x[i]) * (y - _y[i]) / (_y[j] - _y[i])) + _x[i])
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
