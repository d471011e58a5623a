namespace EdgeIngest.Motion;

/// <summary>
/// A camera's detection zone as written in the configuration file: the part of the picture where
/// motion wakes the plate reader and where a read's box centre must lie to count. Coordinates are
/// fractions of the frame (0..1 of width and height), so the zone survives a change of stream
/// resolution. Set <see cref="Polygon"/> or <see cref="Rectangle"/>, not both; no zone at all means
/// the whole frame.
/// </summary>
public sealed class ZoneOptions
{
    /// <summary>At least 3 <c>[x, y]</c> points in order around the area, e.g. <c>[[0, 0.4], [1, 0.4], [1, 1], [0, 1]]</c>.</summary>
    public List<List<double>>? Polygon { get; set; }

    /// <summary>An axis-aligned area, the simple case of a polygon.</summary>
    public RectangleOptions? Rectangle { get; set; }
}
