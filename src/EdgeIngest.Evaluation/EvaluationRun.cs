namespace EdgeIngest.Evaluation;

/// <summary>
/// What one pass over an annotated folder produced: a judgement for every plate of every image
/// that decoded, the median recognition time over those images, and the images that were skipped.
/// </summary>
public sealed record EvaluationRun(IReadOnlyList<PlateResult> Plates, double MedianMs, IReadOnlyList<UnreadableImage> Unreadable);
