namespace EdgeIngest.Reads;

/// <summary>A text box the detector found, in full-resolution frame pixels, with its mean probability.</summary>
public readonly record struct TextRegion(PlateBox Box, float Score);
