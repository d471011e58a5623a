namespace EdgeIngest.Interop.Images;

/// <summary>The size of a decoded image in pixels.</summary>
public readonly record struct ImageSize(int Width, int Height)
{
    /// <summary>Bytes a packed BGR24 copy of this image needs.</summary>
    public int BgrLength => checked(Width * Height * 3);
}
