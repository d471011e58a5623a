namespace EdgeIngest.Evaluation;

/// <summary>
/// One true plate's outcome, with the read it was judged on (empty when there was none) and its
/// runner-up readings (<see cref="EdgeIngest.Reads.PlateRead.Alternatives"/>);
/// <see cref="AmongAlternatives"/>: the plate is the read or one of its alternatives (what hotlist
/// matching would try), read exactly or not.
/// </summary>
public sealed record PlateResult(PlateAnnotation Truth, PlateOutcome Outcome, bool Detected, string TopRead)
{
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    public bool AmongAlternatives { get; init; }
}
