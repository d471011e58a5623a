using EdgeIngest.Frames;
using EdgeIngest.Interop.Onnx;

namespace EdgeIngest.Reads;

/// <summary>
/// The PP-OCRv4 text detector: scales the frame so its longer side is <c>longSide</c> (sides
/// rounded to multiples of 32, as the network downsamples by 32), runs the model and turns the
/// probability map into text boxes in frame pixels. Tensors are allocated once for the largest
/// input; the input and output stay bound while the frame size stays the same.
/// </summary>
internal sealed class TextDetector : IRegionFinder
{
    private const int Alignment = 32;

    private readonly IInferenceSession session;
    private readonly int longSide;
    private readonly PinnedTensor input;
    private readonly PinnedTensor output;
    private readonly DbPostProcessor postProcessor;
    private PlateBox mappedRegion;

    public TextDetector(IInferenceSession session, PlateRecognizerOptions options)
    {
        ModelContract.RequireDetector(session);
        this.session = session;
        longSide = options.DetectorLongSide;
        var maxSide = AlignedSide(longSide);
        input = new PinnedTensor(3 * maxSide * maxSide);
        output = new PinnedTensor(maxSide * maxSide);
        postProcessor = new DbPostProcessor(
            maxSide * maxSide, options.DetectorProbabilityThreshold, options.DetectorBoxThreshold, options.UnclipRatio, options.MaxTextRegions);
        ProbeOutput();
    }

    /// <summary>Appends the text boxes found in <paramref name="image"/> to <paramref name="regions"/>.</summary>
    public void Detect(BgrImage image, List<TextRegion> regions)
    {
        var (width, height) = Preprocess(image);
        Infer();
        PostProcess(image, width, height, regions);
    }

    // The three steps of Detect, apart so benchmarks can time each on the real code.

    /// <summary>Scales and normalises <paramref name="image"/> into the input tensor; returns the map size.</summary>
    public (int Width, int Height) Preprocess(BgrImage image)
    {
        var scale = (float)longSide / Math.Max(image.Width, image.Height);
        return PreprocessRegion(image, new PlateBox(0, 0, image.Width, image.Height), AlignedSide(image.Width * scale), AlignedSide(image.Height * scale));
    }

    /// <summary>Runs the model over the input tensor as <see cref="Preprocess"/> left it.</summary>
    public void Infer() => session.Run([input], [output]);

    /// <summary>Turns the probability map of the last <see cref="Infer"/> into boxes in <paramref name="image"/>'s pixels.</summary>
    public void PostProcess(BgrImage image, int width, int height, List<TextRegion> regions) =>
        postProcessor.Extract(output.Span, width, height, mappedRegion, regions);

    public void Dispose() => session.Dispose();

    private (int Width, int Height) PreprocessRegion(BgrImage image, PlateBox region, int width, int height)
    {
        mappedRegion = region;
        input.Reshape(1, 3, height, width);
        output.Reshape(1, 1, height, width);
        PlanarResampler.Resample(image, region, width, height, input.Span, width * height, width, ChannelNormalization.ImageNet);
        return (width, height);
    }

    private static int AlignedSide(float side) => Math.Max(Alignment, (int)MathF.Round(side / Alignment) * Alignment);

    /// <summary>Checks once that the map really has the input's size, which <see cref="Detect"/> relies on.</summary>
    private void ProbeOutput()
    {
        input.Reshape(1, 3, Alignment, 2 * Alignment);
        input.Span.Clear();
        var shape = session.ProbeOutputShape([input], 0);
        if (shape is not [1, 1, Alignment, 2 * Alignment])
        {
            throw new ModelContractException(
                $"model {session.ModelPath}: a [1,3,{Alignment},{2 * Alignment}] input gave output [{string.Join(",", shape)}]; expected [1,1,{Alignment},{2 * Alignment}]");
        }
    }
}
