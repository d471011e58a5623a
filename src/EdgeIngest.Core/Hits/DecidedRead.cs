using EdgeIngest.Hotlists;
using EdgeIngest.Reads;

namespace EdgeIngest.Hits;

/// <summary>
/// A vehicle pass the router has decided on, waiting for <see cref="HitCommitter"/>: what it
/// becomes, the read as the tracker reported it (without the borrowed frame), how it hit the
/// hotlist (for a hit or a withheld match) and the list's version, the agreement it falls under
/// (and why it was withheld, if it was), and, for a hit, its own copy of the best frame.
/// <see cref="FirstReadAtUtc"/> is when the pass's first readable frame was captured;
/// <see cref="CorrectsEventId"/>, for a correction, the early hit it corrects.
/// </summary>
internal sealed record DecidedRead(
    Disposition Disposition,
    string EventId,
    string CameraId,
    string Text,
    float Confidence,
    PlateBox Box,
    DateTimeOffset CapturedAtUtc,
    int Reads,
    HotlistMatch? Match,
    long ListVersion,
    long? AgreementVersion,
    string? WithheldReason,
    EvidenceFrame? Frame)
{
    public DateTimeOffset FirstReadAtUtc { get; init; } = CapturedAtUtc;

    public string? CorrectsEventId { get; init; }

    /// <summary>The tracker's other readings of the pass (up to four: the vote's, then the recogniser's runner-up readings), null when there are none.</summary>
    public IReadOnlyList<string>? Alternatives { get; init; }
}
