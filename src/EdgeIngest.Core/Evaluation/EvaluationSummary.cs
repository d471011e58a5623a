namespace EdgeIngest.Evaluation;

/// <summary>
/// The figures an evaluation reports; serialised in snake_case for <c>--json</c>.
/// <see cref="Accuracy"/> and <see cref="DetectionRecall"/> are fractions of <see cref="Plates"/>.
/// </summary>
public sealed record EvaluationSummary(
    int Images,
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
