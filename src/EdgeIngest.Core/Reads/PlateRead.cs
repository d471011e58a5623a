namespace EdgeIngest.Reads;

/// <summary>
/// One plate read from one frame: the text as recognised (plate characters only, upper case),
/// the recogniser's confidence in [0, 1], where the plate is in the frame, and the recogniser's
/// runner-up readings of it (<see cref="ReadAlternatives"/>; none when it was sure). A value, so a
/// frame's reads live in the recogniser's reused list without an object each.
/// </summary>
public readonly record struct PlateRead(string Text, float Confidence, PlateBox Box, ReadAlternatives Alternatives = default);
