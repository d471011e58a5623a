using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Interop.Onnx;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// The recogniser's stages built apart, from the same options and models the appliance uses
/// (defaults: plate detector 640×384, refiner window 320×128, text detector long side 960,
/// 2 intra-op threads per session, one session per stage), so each can be timed alone.
/// </summary>
internal sealed class ReadStages : IDisposable
{
    public ReadStages()
    {
        Options = new PlateRecognizerOptions();
        var sessionOptions = new InferenceSessionOptions { IntraOpThreads = Options.IntraOpThreads };
        PlateDetector = new PlateDetector(InferenceSessions.Open(Options.PlateDetectorModelPath, sessionOptions), Options.PlateDetectorThreshold);
        Refiner = new CharacterBandRefiner(InferenceSessions.Open(Options.DetectorModelPath, sessionOptions), Options);
        Detector = new TextDetector(InferenceSessions.Open(Options.DetectorModelPath, sessionOptions), Options);
        var (readerModel, readerKeys) = Options.ReaderFiles;
        Reader = new TextLineReader(InferenceSessions.Open(readerModel, sessionOptions), RecognitionAlphabet.Load(readerKeys), readerKeys);
        Filter = new PlateCandidateFilter(Options.Candidates);
    }

    public PlateRecognizerOptions Options { get; }

    /// <summary>The default finder: whole plates.</summary>
    public PlateDetector PlateDetector { get; }

    /// <summary>The close look at one candidate (the text detector's model, its own session), as the default path configures it.</summary>
    public CharacterBandRefiner Refiner { get; }

    /// <summary>The optional finder (<see cref="PlateFinder.Text"/>).</summary>
    public TextDetector Detector { get; }

    public TextLineReader Reader { get; }

    public PlateCandidateFilter Filter { get; }

    /// <summary>
    /// What the default path does with <paramref name="frame"/>: the plate detector's largest box
    /// and its character band. Fails unless the band reads <see cref="DemoFrames.FirstPlate"/>, so a
    /// benchmark can never time the wrong thing.
    /// </summary>
    public (PlateBox Plate, PlateBox Band) FindFirstPlate(BgrImage frame)
    {
        var found = new List<TextRegion>(64);
        PlateDetector.Detect(frame, found);
        if (found.Count == 0)
        {
            throw new InvalidOperationException($"the plate detector found nothing in the {frame.Height}p plate frame");
        }

        var plate = found.MaxBy(r => r.Box.Area).Box;
        var band = Refiner.Refine(frame, plate)
            ?? throw new InvalidOperationException($"the refiner found no character band in the {frame.Height}p plate frame's plate {plate}");
        var text = new char[16];
        Reader.Preprocess(frame, band);
        Reader.Infer();
        var read = new string(text, 0, Reader.Decode(text).Length);
        if (read != DemoFrames.FirstPlate)
        {
            throw new InvalidOperationException($"the {frame.Height}p frame's band {band} reads '{read}', not {DemoFrames.FirstPlate}: the benchmark would time the wrong thing");
        }

        return (plate, band);
    }

    public void Dispose()
    {
        PlateDetector.Dispose();
        Refiner.Dispose();
        Detector.Dispose();
        Reader.Dispose();
    }
}
