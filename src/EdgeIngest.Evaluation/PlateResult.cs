namespace EdgeIngest.Evaluation;

/// <summary>One true plate's outcome, with the read it was judged on (empty when there was none).</summary>
public sealed record PlateResult(PlateAnnotation Truth, PlateOutcome Outcome, bool Detected, string TopRead);
