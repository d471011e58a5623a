namespace EdgeIngest.Evaluation;

/// <summary>
/// The figures an evaluation reports; serialised in snake_case for <c>--json</c>.
/// <see cref="Images"/> counts every annotated image, <see cref="UnreadableImages"/> those skipped
/// because they could not be read or decoded; <see cref="Plates"/> counts the plates of the images
/// judged, and <see cref="Accuracy"/> and <see cref="DetectionRecall"/> are fractions of it.
/// </summary>
public sealed record EvaluationSummary(
    int Images,
    int UnreadableImages,
    int Plates,
    int ExactReads,
    double Accuracy,
    int DetectedPlates,
    double DetectionRecall,
    double MedianMs,
    string Finder,
    string Reader,
    int DetectorLongSide,
    EvaluationErrors Errors);
