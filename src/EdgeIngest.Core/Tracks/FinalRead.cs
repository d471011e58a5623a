using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Tracks;

/// <summary>
/// The one read a tracker reports for a vehicle pass: the voted text and its confidence, and the
/// track's best frame (its pixels, the plate's box in it and when it was captured), so a hit's
/// snapshots and event time come from that frame. <see cref="Frame"/> borrows the track's own
/// buffer: it is valid only during <see cref="ITrackSink.Report"/>.
/// </summary>
public readonly record struct FinalRead(
    string CameraId,
    string Text,
    float Confidence,
    PlateBox Box,
    BgrImage Frame,
    DateTimeOffset CapturedAtUtc,
    int Reads);
