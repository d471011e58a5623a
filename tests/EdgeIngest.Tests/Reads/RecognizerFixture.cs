using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

/// <summary>One recogniser for the tests that need the real models (loading them takes a few hundred ms).</summary>
public sealed class RecognizerFixture : IDisposable
{
    public PaddleOcrPlateRecognizer Recognizer { get; } = PaddleOcrPlateRecognizer.Create();

    /// <summary>Finds candidates with the text detector: reads an image that is all plate, where the plate detector has no scene to find it in.</summary>
    public PaddleOcrPlateRecognizer TextFinderRecognizer { get; } = PaddleOcrPlateRecognizer.Create(new PlateRecognizerOptions { Finder = PlateFinder.Text });

    /// <summary>Reads with PP-OCRv4's published text recogniser instead of the project's plate recogniser.</summary>
    public PaddleOcrPlateRecognizer TextReaderRecognizer { get; } = PaddleOcrPlateRecognizer.Create(new PlateRecognizerOptions { Reader = PlateReader.Text });

    public void Dispose()
    {
        Recognizer.Dispose();
        TextFinderRecognizer.Dispose();
        TextReaderRecognizer.Dispose();
    }
}
