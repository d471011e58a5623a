namespace EdgeIngest.Reads;

/// <summary>
/// A decoded line: how many plate characters were written and the recogniser's confidence in them
/// (mean of the winning probability at each kept character; 0 when none was kept).
/// </summary>
public readonly record struct CtcResult(int Length, float Confidence);
