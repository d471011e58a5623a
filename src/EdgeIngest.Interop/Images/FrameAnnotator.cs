using OpenCvSharp;

namespace EdgeIngest.Interop.Images;

/// <summary>
/// Draws what a camera is doing onto a copy of one of its frames, for the web console: the
/// detection zone's outline (yellow) with the frame outside it dimmed slightly, and the latest
/// detections (green boxes, orange for a read outside the zone, the read printed on a dark strip
/// above each). The frame itself is never touched. Runs when someone looks, not per frame, so it
/// may allocate.
/// </summary>
public static class FrameAnnotator
{
    public static readonly Scalar ZoneColour = new(0, 255, 255);
    public static readonly Scalar BoxColour = new(0, 255, 0);
    public static readonly Scalar OutsideBoxColour = new(0, 140, 255);

    /// <summary>What the frame outside the zone keeps of its brightness: enough to see, plainly not the zone.</summary>
    public const double OutsideBrightness = 0.6;

    // Thick and large enough to read on a phone, where a 1280-pixel frame is shown ~350 px wide.
    private const int Thickness = 3;
    private const int TextThickness = 2;
    private const HersheyFonts Font = HersheyFonts.HersheySimplex;
    private const double FontScale = 1.2;

    /// <summary>
    /// Copies the packed BGR frame into <paramref name="annotated"/> (same size) and draws onto
    /// the copy. <paramref name="zone"/> holds the polygon's corners in fractions of the frame
    /// (0..1), as the configuration gives them; an empty list (the whole frame) draws no zone and dims nothing.
    /// </summary>
    public static unsafe void Draw(
        ReadOnlySpan<byte> bgr, int width, int height, IReadOnlyList<(double X, double Y)> zone, IReadOnlyList<LabelledBox> boxes, Span<byte> annotated)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(boxes);
        var length = checked(width * height * 3);
        if (bgr.Length < length || annotated.Length < length)
        {
            throw new ArgumentException($"a {width}x{height} BGR frame needs {length} bytes in and out; {bgr.Length} and {annotated.Length} given");
        }

        bgr[..length].CopyTo(annotated);
        fixed (byte* pixels = annotated)
        {
            using var canvas = Mat.FromPixelData(height, width, MatType.CV_8UC3, (IntPtr)pixels);
            DrawZone(canvas, zone, width, height);
            foreach (var box in boxes)
            {
                DrawBox(canvas, box);
            }
        }
    }

    /// <summary><see cref="Draw"/> into a new copy, encoded as JPEG at <paramref name="quality"/>.</summary>
    public static unsafe byte[] DrawJpeg(
        ReadOnlySpan<byte> bgr, int width, int height, IReadOnlyList<(double X, double Y)> zone, IReadOnlyList<LabelledBox> boxes, int quality = 85)
    {
        var annotated = new byte[checked(width * height * 3)];
        Draw(bgr, width, height, zone, boxes, annotated);
        fixed (byte* pixels = annotated)
        {
            using var canvas = Mat.FromPixelData(height, width, MatType.CV_8UC3, (IntPtr)pixels);
            Cv2.ImEncode(".jpg", canvas, out var jpeg, [(int)ImwriteFlags.JpegQuality, quality]);
            return jpeg;
        }
    }

    private static void DrawZone(Mat canvas, IReadOnlyList<(double X, double Y)> zone, int width, int height)
    {
        if (zone.Count < 2)
        {
            return;
        }

        // A corner at 1.0 would fall one pixel outside the frame; the last row and column hold it.
        var corners = new Point[zone.Count];
        for (var i = 0; i < zone.Count; i++)
        {
            corners[i] = new Point(
                Math.Clamp((int)Math.Round(zone[i].X * width), 0, width - 1),
                Math.Clamp((int)Math.Round(zone[i].Y * height), 0, height - 1));
        }

        if (zone.Count >= 3)
        {
            DimOutside(canvas, corners);
        }

        Cv2.Polylines(canvas, [corners], isClosed: true, ZoneColour, Thickness, LineTypes.Link8);
    }

    // The polygon is filled into a mask (even-odd, as the zone's own test); the rest is scaled down.
    private static void DimOutside(Mat canvas, Point[] corners)
    {
        using var outside = new Mat(canvas.Rows, canvas.Cols, MatType.CV_8UC1, Scalar.All(255));
        Cv2.FillPoly(outside, [corners], Scalar.All(0), LineTypes.Link8);
        using var dimmed = new Mat();
        canvas.ConvertTo(dimmed, MatType.CV_8UC3, OutsideBrightness);
        dimmed.CopyTo(canvas, outside);
    }

    private static void DrawBox(Mat canvas, LabelledBox box)
    {
        var colour = box.OutsideZone ? OutsideBoxColour : BoxColour;
        Cv2.Rectangle(canvas, new Rect(box.X, box.Y, box.Width, box.Height), colour, Thickness, LineTypes.Link8);
        if (box.Label.Length == 0)
        {
            return;
        }

        var size = Cv2.GetTextSize(box.Label, Font, FontScale, TextThickness, out var baseline);
        var top = Math.Max(0, box.Y - size.Height - baseline - 4);
        Cv2.Rectangle(canvas, new Rect(box.X, top, size.Width + 4, size.Height + baseline + 4), Scalar.Black, -1);
        Cv2.PutText(canvas, box.Label, new Point(box.X + 2, top + size.Height + 2), Font, FontScale, colour, TextThickness, LineTypes.AntiAlias);
    }
}
