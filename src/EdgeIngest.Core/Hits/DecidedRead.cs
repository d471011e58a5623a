using EdgeIngest.Hotlists;
using EdgeIngest.Reads;

namespace EdgeIngest.Hits;

/// <summary>
/// A vehicle pass the router has decided on, waiting for <see cref="HitCommitter"/>: the read as
/// the tracker reported it (without the borrowed frame), how it hit the hotlist (null for a
/// read to be shared under <c>all_reads</c>) and the list's version, the agreement it is
/// disclosed under, and, for a hit, its own copy of the best frame.
/// </summary>
internal sealed record DecidedRead(
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
    EvidenceFrame? Frame);
