using EdgeIngest.Interop.Images;
using EdgeIngest.Motion;
using EdgeIngest.Pipeline;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>Turns a camera's latest picture into the JPEG the console shows, through <see cref="FrameAnnotator"/> (OpenCV).</summary>
internal static class FrameRenderer
{
    private const int Quality = 80;

    /// <summary>The zone (none drawn for the whole frame) and the picture's reads, each in or out of the zone.</summary>
    public static byte[] Annotated(FrameSnapshot snapshot, DetectionZone zone)
    {
        var boxes = snapshot.Reads
            .Select(r => new LabelledBox(r.Box.X, r.Box.Y, r.Box.Width, r.Box.Height, r.Text, OutsideZone: !r.InZone))
            .ToArray();
        return FrameAnnotator.DrawJpeg(snapshot.Pixels, snapshot.Width, snapshot.Height, zone.IsWholeFrame ? [] : zone.Points(), boxes, Quality);
    }

    public static byte[] Bare(FrameSnapshot snapshot) =>
        FrameAnnotator.DrawJpeg(snapshot.Pixels, snapshot.Width, snapshot.Height, [], [], Quality);
}
