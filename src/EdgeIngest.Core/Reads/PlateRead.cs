namespace EdgeIngest.Reads;

/// <summary>
/// One plate read from one frame: the text as recognised (plate characters only, upper case),
/// the recogniser's confidence in [0, 1], and where the plate is in the frame.
/// </summary>
public sealed record PlateRead(string Text, float Confidence, PlateBox Box);
