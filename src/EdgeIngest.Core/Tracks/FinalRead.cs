using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Tracks;

/// <summary>
/// The one read a tracker reports for a vehicle pass: the voted text and its confidence, and the
/// track's best frame (its pixels, the plate's box in it and when it was captured), so a hit's
/// snapshots and event time come from that frame. <see cref="Frame"/> borrows the track's own
/// buffer: it is valid only during <see cref="ITrackSink.Report"/>. <see cref="Alternatives"/> are
/// up to four other texts the track's reads support, null when there are none: up to two from the
/// vote (<c>CharacterVote.Alternatives</c>, when the reads disagreed), then the recogniser's
/// runner-up readings of the reads (<see cref="PlateRead.Alternatives"/>, best supported first);
/// hotlist matching tries them after <see cref="Text"/>, and a match on one is confirm-before-acting.
/// <see cref="FirstReadAtUtc"/> is when the track's first read was captured: what a hit's latency
/// counts from.
/// </summary>
public readonly record struct FinalRead(
    string CameraId,
    string Text,
    float Confidence,
    PlateBox Box,
    BgrImage Frame,
    DateTimeOffset CapturedAtUtc,
    int Reads,
    IReadOnlyList<string>? Alternatives = null,
    DateTimeOffset FirstReadAtUtc = default);
