namespace EdgeIngest.Interop.Jpeg;

/// <summary>What a JPEG header says: its size in pixels.</summary>
public readonly record struct JpegInfo(int Width, int Height)
{
    /// <summary>Bytes a packed BGR24 decode of this image needs.</summary>
    public int BgrLength => checked(Width * Height * 3);
}
