namespace EdgeIngest.Interop.Images;

/// <summary>A detection to draw: its box in frame pixels and the text to print above it (the plate read).</summary>
public readonly record struct LabelledBox(int X, int Y, int Width, int Height, string Label);
