using EdgeIngest.Frames;

namespace EdgeIngest.Pipeline;

/// <summary>
/// A copy of a camera's latest picture (packed BGR) with the plates read in that frame.
/// <paramref name="Analysed"/> is false when the motion gate let the frame pass unread (a still scene).
/// </summary>
public sealed record FrameSnapshot(byte[] Pixels, int Width, int Height, DateTimeOffset CapturedAt, bool Analysed, IReadOnlyList<SnapshotRead> Reads)
{
    public BgrImage Image => new(Pixels, Width, Height);
}
