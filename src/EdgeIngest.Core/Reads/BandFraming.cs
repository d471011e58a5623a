namespace EdgeIngest.Reads;

/// <summary>
/// Other framings of a character band for reading an uncertain band again. The recogniser sees a
/// band scaled to 48 pixels high, so where the band's edges fall decides how large and where the
/// characters sit in its input: a band cut close over the characters' tops and bottoms (or one
/// that takes in a frame's edge or a slogan) reads worse than the same characters framed a little
/// differently. One looser and one tighter framing cover both ways the refiner's band can be off.
/// </summary>
internal static class BandFraming
{
    // Looser: a fifth of the band's height above and below, a twentieth of its width at each side.
    private const float LooserVertical = 0.2f;
    private const float LooserHorizontal = 0.05f;

    // Tighter: the band's height less 8 % at the top and at the bottom, its width as it was.
    private const float TighterVertical = -0.08f;

    /// <summary>The band with a margin of its own height and width around it, kept inside the frame.</summary>
    public static PlateBox Looser(PlateBox band, int frameWidth, int frameHeight) =>
        Grow(band, LooserVertical, LooserHorizontal, frameWidth, frameHeight);

    /// <summary>The band with a little of its top and bottom taken off.</summary>
    public static PlateBox Tighter(PlateBox band, int frameWidth, int frameHeight) =>
        Grow(band, TighterVertical, 0f, frameWidth, frameHeight);

    private static PlateBox Grow(PlateBox band, float vertical, float horizontal, int frameWidth, int frameHeight)
    {
        var dy = (int)MathF.Round(band.Height * vertical);
        var dx = (int)MathF.Round(band.Width * horizontal);
        var left = Math.Clamp(band.X - dx, 0, frameWidth - 1);
        var top = Math.Clamp(band.Y - dy, 0, frameHeight - 1);
        var right = Math.Clamp(band.Right + dx, left + 1, frameWidth);
        var bottom = Math.Clamp(band.Bottom + dy, top + 1, frameHeight);
        return new PlateBox(left, top, right - left, bottom - top);
    }
}
