namespace EdgeIngest.Evaluation;

/// <summary>An annotated image that could not be read or decoded, and why; it is skipped, not judged.</summary>
public sealed record UnreadableImage(string ImagePath, string Reason);
