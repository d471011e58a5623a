using EdgeIngest.Reads;

namespace EdgeIngest.Evaluation;

/// <summary>One true plate: the image it is in, where it is, and its text (upper case).</summary>
public sealed record PlateAnnotation(string ImagePath, PlateBox Box, string Plate);
