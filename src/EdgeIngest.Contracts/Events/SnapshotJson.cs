namespace EdgeIngest.Events;

/// <summary>
/// JPEG snapshots carried inline (base64) in the hit, so one message is the whole evidence an
/// investigator needs and at-least-once delivery never splits a hit from its pictures.
/// </summary>
public sealed record SnapshotJson(int FrameWidth, int FrameHeight, string PlateJpeg, string FrameJpeg);
