namespace EdgeIngest.Evaluation;

/// <summary>Plates missed, by kind. A plate can be detected and still misread.</summary>
public sealed record EvaluationErrors(int NotDetected, int NoRead, int WrongRead);
