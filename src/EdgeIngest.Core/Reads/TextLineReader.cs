using EdgeIngest.Frames;
using EdgeIngest.Interop.Onnx;

namespace EdgeIngest.Reads;

/// <summary>
/// The PP-OCRv4 text recogniser: samples a box of the full-resolution frame to height 48 keeping
/// its aspect (width at most 320, the rest padded with zeros as PaddleOCR pads), runs the model
/// and CTC-decodes the result. The input is always [1,3,48,320], so both tensors stay bound.
/// </summary>
internal sealed class TextLineReader : IDisposable
{
    public const int Height = 48;
    public const int MaxWidth = 320;

    private readonly IInferenceSession session;
    private readonly RecognitionAlphabet alphabet;
    private readonly PinnedTensor input = new(1, 3, Height, MaxWidth);
    private readonly PinnedTensor output;

    public TextLineReader(IInferenceSession session, RecognitionAlphabet alphabet, string keysPath)
    {
        ModelContract.RequireRecognizer(session, Height, alphabet.ClassCount, keysPath);
        this.session = session;
        this.alphabet = alphabet;
        output = new PinnedTensor(session.ProbeOutputShape([input], 0));
    }

    /// <summary>Reads the text in <paramref name="box"/> (inside the frame) into <paramref name="text"/>.</summary>
    public CtcResult Read(BgrImage image, PlateBox box, Span<char> text) => Read(image, box, text, []);

    /// <summary>
    /// As <see cref="Read(BgrImage, PlateBox, Span{char})"/>, with each character's look-alike
    /// probability in <paramref name="lookAlikes"/> (<see cref="CtcDecoder"/>).
    /// </summary>
    public CtcResult Read(BgrImage image, PlateBox box, Span<char> text, Span<float> lookAlikes)
    {
        Preprocess(image, box);
        Infer();
        return CtcDecoder.Decode(output.Span, alphabet.ClassCount, alphabet, text, lookAlikes);
    }

    // The three steps of Read, apart so benchmarks can time each on the real code.

    /// <summary>Crops, scales and normalises <paramref name="box"/> into the input tensor.</summary>
    public void Preprocess(BgrImage image, PlateBox box)
    {
        var width = Math.Clamp((int)MathF.Ceiling(Height * (float)box.Width / box.Height), 1, MaxWidth);
        var tensor = input.Span;
        tensor.Clear();
        PlanarResampler.Resample(image, box, width, Height, tensor, Height * MaxWidth, MaxWidth, ChannelNormalization.Symmetric);
    }

    /// <summary>Runs the model over the input tensor as <see cref="Preprocess"/> left it.</summary>
    public void Infer() => session.Run([input], [output]);

    /// <summary>CTC-decodes the output of the last <see cref="Infer"/> into <paramref name="text"/>.</summary>
    public CtcResult Decode(Span<char> text) => CtcDecoder.Decode(output.Span, alphabet.ClassCount, alphabet, text);

    public void Dispose() => session.Dispose();
}
