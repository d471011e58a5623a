using EdgeIngest.Interop.Onnx;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// The recogniser's stages built apart, from the same options and models the appliance uses
/// (defaults: detector long side 960, 2 intra-op threads), so each can be timed alone.
/// </summary>
internal sealed class ReadStages : IDisposable
{
    public ReadStages()
    {
        Options = new PlateRecognizerOptions();
        var environment = OrtEnvironment.Load(Options.OnnxRuntimeLibrary);
        var sessionOptions = new InferenceSessionOptions { IntraOpThreads = Options.IntraOpThreads };
        Detector = new TextDetector(environment.CreateSession(Options.DetectorModelPath, sessionOptions), Options);
        Reader = new TextLineReader(
            environment.CreateSession(Options.RecognizerModelPath, sessionOptions), RecognitionAlphabet.Load(Options.KeysPath), Options.KeysPath);
        Filter = new PlateCandidateFilter(Options.Candidates);
    }

    public PlateRecognizerOptions Options { get; }

    public TextDetector Detector { get; }

    public TextLineReader Reader { get; }

    public PlateCandidateFilter Filter { get; }

    public void Dispose()
    {
        Detector.Dispose();
        Reader.Dispose();
    }
}
