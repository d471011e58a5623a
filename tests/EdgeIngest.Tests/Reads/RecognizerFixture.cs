using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

/// <summary>One recogniser for the tests that need the real models (loading them takes a few hundred ms).</summary>
public sealed class RecognizerFixture : IDisposable
{
    public PaddleOcrPlateRecognizer Recognizer { get; } = PaddleOcrPlateRecognizer.Create();

    public void Dispose() => Recognizer.Dispose();
}
