namespace EdgeIngest.Evaluation;

/// <summary>
/// The figures an evaluation reports; serialised in snake_case for <c>--json</c>.
/// <see cref="Images"/> counts every annotated image, <see cref="UnreadableImages"/> those skipped
/// because they could not be read or decoded; <see cref="Plates"/> counts the plates of the images
/// judged, and <see cref="Accuracy"/> and <see cref="DetectionRecall"/> are fractions of it.
/// <see cref="ExactReads"/> is the headline; <see cref="ReadOrAlternative"/> also counts a plate
/// that is one of the read's runner-up readings (what hotlist matching tries after the read).
/// <see cref="Region"/> names the regions whose plate layouts corrected and ranked the reads
/// (<c>us</c>, <c>br,uk</c>, or <c>any</c>).
/// </summary>
public sealed record EvaluationSummary(
    int Images,
    int UnreadableImages,
    int Plates,
    int ExactReads,
    double Accuracy,
    int DetectedPlates,
    double DetectionRecall,
    int ReadOrAlternative,
    double ReadOrAlternativeShare,
    double MedianMs,
    string Finder,
    string Reader,
    int DetectorLongSide,
    string Region,
    EvaluationErrors Errors);
