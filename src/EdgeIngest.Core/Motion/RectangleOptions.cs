namespace EdgeIngest.Motion;

/// <summary>
/// An axis-aligned zone in fractions of the frame: left edge <see cref="X"/>, top edge
/// <see cref="Y"/>. The defaults are the whole frame, so <c>{ y: 0.4, height: 0.6 }</c> is the
/// lower 60 % of the picture.
/// </summary>
public sealed class RectangleOptions
{
    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; } = 1;

    public double Height { get; set; } = 1;
}
