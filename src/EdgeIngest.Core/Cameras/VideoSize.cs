namespace EdgeIngest.Cameras;

public readonly record struct VideoSize(int Width, int Height)
{
    public override string ToString() => $"{Width}x{Height}";
}
