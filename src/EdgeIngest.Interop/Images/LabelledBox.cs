namespace EdgeIngest.Interop.Images;

/// <summary>
/// A detection to draw: its box in frame pixels and the text to print above it (the plate read).
/// <paramref name="OutsideZone"/>: the read lies outside the detection zone (dropped), drawn in another colour.
/// </summary>
public readonly record struct LabelledBox(int X, int Y, int Width, int Height, string Label, bool OutsideZone = false);
