using EdgeIngest.Frames;
using EdgeIngest.Interop.Onnx;

namespace EdgeIngest.Reads;

/// <summary>
/// Takes a second, close look at one plate candidate and returns the box of its character band.
/// A plate finder's box (the whole plate, or a text line seen at a distance) also holds the state
/// name, slogan, frame text and bolts; the recogniser reads those as characters. Here the text
/// detector runs again on a window around the candidate, scaled so the plate is large, and the
/// tallest line (plate characters are the tallest text on a plate) plus any line level with it and
/// as tall (a plate split by a logo or a gap) becomes the box to read.
/// The window always has the same shape (<see cref="WindowWidth"/>×<see cref="WindowHeight"/>),
/// grown around the candidate to that aspect, so the tensors keep one shape and stay bound: its
/// own session, because a session keeps the binding of the tensors it ran last.
/// </summary>
internal sealed class CharacterBandRefiner : IDisposable
{
    public const int WindowWidth = 320;
    public const int WindowHeight = 128;

    // The window around a candidate. A text line seen from afar may be the characters alone,
    // which fill about half a plate's height: growing it by half its height each way takes in the
    // plate. A plate detector's box is the plate already: a little margin keeps a cut character,
    // and the characters stay large in the window.
    private readonly float horizontalGrowth;
    private readonly float verticalGrowth;

    // A line counts as part of the band when it is this level with, and this tall as, the tallest.
    private const float MinVerticalOverlap = 0.6f;
    private const float MinRelativeHeight = 0.7f;

    private readonly IInferenceSession session;
    private readonly PinnedTensor input = new(1, 3, WindowHeight, WindowWidth);
    private readonly PinnedTensor output = new(1, 1, WindowHeight, WindowWidth);
    private readonly DbPostProcessor postProcessor;
    private readonly List<TextRegion> lines;

    public CharacterBandRefiner(IInferenceSession session, PlateRecognizerOptions options)
    {
        (horizontalGrowth, verticalGrowth) = options.Finder == PlateFinder.Plate ? (0.05f, 0.1f) : (0.15f, 0.5f);
        ModelContract.RequireDetector(session);
        this.session = session;
        postProcessor = new DbPostProcessor(
            WindowWidth * WindowHeight, options.DetectorProbabilityThreshold, options.DetectorBoxThreshold, options.UnclipRatio, options.MaxTextRegions);
        lines = new List<TextRegion>(options.MaxTextRegions);
    }

    /// <summary>
    /// The character band of the plate around <paramref name="candidate"/>, or null when the close
    /// look finds no text line over it (nothing there to read).
    /// </summary>
    public PlateBox? Refine(BgrImage image, PlateBox candidate)
    {
        var window = Preprocess(image, candidate);
        Infer();
        return PostProcess(window, candidate);
    }

    // The three steps of Refine, apart so benchmarks can time each on the real code.

    /// <summary>Samples the window around <paramref name="candidate"/> into the input tensor; returns the window.</summary>
    public PlateBox Preprocess(BgrImage image, PlateBox candidate)
    {
        var window = Window(candidate, image.Width, image.Height, horizontalGrowth, verticalGrowth);
        PlanarResampler.Resample(image, window, WindowWidth, WindowHeight, input.Span, WindowWidth * WindowHeight, WindowWidth, ChannelNormalization.ImageNet);
        return window;
    }

    /// <summary>Runs the model over the input tensor as <see cref="Preprocess"/> left it.</summary>
    public void Infer() => session.Run([input], [output]);

    /// <summary>The band of <paramref name="candidate"/> in the last <see cref="Infer"/>'s map of <paramref name="window"/>, or null.</summary>
    public PlateBox? PostProcess(PlateBox window, PlateBox candidate)
    {
        lines.Clear();
        postProcessor.Extract(output.Span, WindowWidth, WindowHeight, window, lines);
        return Band(candidate);
    }

    public void Dispose() => session.Dispose();

    /// <summary>
    /// The candidate grown by the margins, then widened or heightened around its centre to the
    /// window's aspect, and kept inside the frame (shifted, then clipped if the frame is smaller).
    /// </summary>
    internal static PlateBox Window(PlateBox candidate, int frameWidth, int frameHeight, float horizontalGrowth, float verticalGrowth)
    {
        var width = candidate.Width * (1 + (2 * horizontalGrowth));
        var height = candidate.Height * (1 + (2 * verticalGrowth));
        const float aspect = (float)WindowWidth / WindowHeight;
        if (width < height * aspect)
        {
            width = height * aspect;
        }
        else
        {
            height = width / aspect;
        }

        var w = Math.Min(frameWidth, Math.Max(1, (int)MathF.Round(width)));
        var h = Math.Min(frameHeight, Math.Max(1, (int)MathF.Round(height)));
        var centreX = candidate.X + (candidate.Width / 2f);
        var centreY = candidate.Y + (candidate.Height / 2f);
        var x = Math.Clamp((int)MathF.Round(centreX - (w / 2f)), 0, frameWidth - w);
        var y = Math.Clamp((int)MathF.Round(centreY - (h / 2f)), 0, frameHeight - h);
        return new PlateBox(x, y, w, h);
    }

    private PlateBox? Band(PlateBox candidate)
    {
        var tallest = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Box;
            if (line.Width >= line.Height && MostlyOver(line, candidate) && (tallest < 0 || line.Height > lines[tallest].Box.Height))
            {
                tallest = i;
            }
        }

        if (tallest < 0)
        {
            return null;
        }

        var band = lines[tallest].Box;
        foreach (var other in lines)
        {
            var line = other.Box;
            if (line.Height >= MinRelativeHeight * band.Height && VerticalOverlap(line, band) >= MinVerticalOverlap * Math.Min(line.Height, band.Height)
                && MostlyOver(line, candidate))
            {
                band = Union(band, line);
            }
        }

        return band;
    }

    /// <summary>Whether at least half of the line's width lies over the candidate: lines beside it belong to something else.</summary>
    private static bool MostlyOver(PlateBox line, PlateBox candidate) =>
        2 * (Math.Min(line.Right, candidate.Right) - Math.Max(line.X, candidate.X)) >= line.Width;

    private static int VerticalOverlap(PlateBox a, PlateBox b) => Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y);

    private static PlateBox Union(PlateBox a, PlateBox b)
    {
        var x = Math.Min(a.X, b.X);
        var y = Math.Min(a.Y, b.Y);
        return new PlateBox(x, y, Math.Max(a.Right, b.Right) - x, Math.Max(a.Bottom, b.Bottom) - y);
    }
}
