using EdgeIngest.Hotlists;

namespace EdgeIngest.Records;

/// <summary>
/// A hotlist match as the box keeps it: what was read, what it matched and how, and whether it was
/// disclosed to the agency or withheld (then <see cref="WithheldReason"/> says why, e.g.
/// <c>category_not_allowed</c>, <c>agreement_expired</c>), with the list and agreement versions in force.
/// </summary>
public sealed record RecordedHit(
    string EventId,
    string CameraId,
    DateTimeOffset At,
    string Plate,
    string ListedPlate,
    string Category,
    MatchKind MatchKind,
    int Distance,
    bool Disclosed,
    string? WithheldReason,
    long? HotlistVersion,
    long? AgreementVersion);
