namespace EdgeIngest.Reads;

/// <summary>An axis-aligned box in the pixel coordinates of the full-resolution frame.</summary>
public readonly record struct PlateBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public int Area => Width * Height;
}
