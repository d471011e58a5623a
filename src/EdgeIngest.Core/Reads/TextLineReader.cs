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
    private readonly CtcBeamSearch? search;
    private readonly double minShare;

    /// <param name="session">The recogniser model.</param>
    /// <param name="alphabet">Its classes.</param>
    /// <param name="keysPath">Its keys file, named in a contract error.</param>
    /// <param name="search">Finds a read's runner-up readings when a <see cref="TopReadings"/> is asked for; null: none are.</param>
    /// <param name="minShare">A runner-up reading is kept at this share of the most probable reading's probability or more.</param>
    public TextLineReader(IInferenceSession session, RecognitionAlphabet alphabet, string keysPath, CtcBeamSearch? search = null, double minShare = 1)
    {
        this.search = search;
        this.minShare = minShare;
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

    /// <summary>
    /// As <see cref="Read(BgrImage, PlateBox, Span{char}, Span{float})"/>, with the most probable
    /// readings of the same output in <paramref name="readings"/> (those with at least the reader's
    /// share of the best one's probability; none searched for when no other reading can have it,
    /// as on a plate read surely at every step).
    /// </summary>
    public CtcResult Read(BgrImage image, PlateBox box, Span<char> text, Span<float> lookAlikes, TopReadings readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var result = Read(image, box, text, lookAlikes);
        readings.Clear();
        if (search is not null && CtcBeamSearch.MayHaveRunnerUp(output.Span, alphabet.ClassCount, minShare))
        {
            search.Search(output.Span, alphabet.ClassCount, alphabet);
            readings.Take(search, minShare);
        }

        return result;
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
