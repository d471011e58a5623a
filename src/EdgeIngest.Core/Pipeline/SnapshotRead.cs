using EdgeIngest.Reads;

namespace EdgeIngest.Pipeline;

/// <summary>A plate read in a camera's latest picture, and whether it lies in the camera's zone (reads outside are dropped).</summary>
public readonly record struct SnapshotRead(string Text, PlateBox Box, bool InZone);
