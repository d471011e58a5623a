using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

public sealed class ModelValidationTests
{
    private static readonly PlateRecognizerOptions Defaults = new();

    [Fact]
    public void Missing_Detector_Model_Fails_Naming_The_File()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<FileNotFoundException>(
            () => PaddleOcrPlateRecognizer.Create(Defaults with { DetectorModelPath = missing }));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Detector_Given_As_Plate_Detector_Fails_Naming_The_File_And_Mismatch()
    {
        var error = Assert.Throws<ModelContractException>(() => PaddleOcrPlateRecognizer.Create(
            Defaults with { Finder = PlateFinder.Plate, PlateDetectorModelPath = Defaults.DetectorModelPath }));

        Assert.Contains(Defaults.DetectorModelPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("[1,3,384,640]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Plate_Detector_Fails_Naming_The_File_Only_When_It_Is_The_Finder()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<FileNotFoundException>(
            () => PaddleOcrPlateRecognizer.Create(Defaults with { Finder = PlateFinder.Plate, PlateDetectorModelPath = missing }));
        using var textFinder = PaddleOcrPlateRecognizer.Create(Defaults with { Finder = PlateFinder.Text, PlateDetectorModelPath = missing });

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlateReader.Plate)]
    [InlineData(PlateReader.Text)]
    public void Missing_Keys_File_Of_The_Chosen_Reader_Fails_Naming_The_File(PlateReader reader)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt");
        var options = reader == PlateReader.Plate ? Defaults with { PlateKeysPath = missing } : Defaults with { Reader = reader, KeysPath = missing };

        var error = Assert.Throws<FileNotFoundException>(() => PaddleOcrPlateRecognizer.Create(options));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Plate_Recognizer_Fails_Naming_The_File_Only_When_It_Is_The_Reader()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<FileNotFoundException>(
            () => PaddleOcrPlateRecognizer.Create(Defaults with { Reader = PlateReader.Plate, PlateRecognizerModelPath = missing }));
        using var textReader = PaddleOcrPlateRecognizer.Create(Defaults with { Reader = PlateReader.Text, PlateRecognizerModelPath = missing });

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("plate recognizer model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognizer_Model_Given_As_Detector_Fails_Naming_The_File_And_Mismatch()
    {
        var error = Assert.Throws<ModelContractException>(
            () => PaddleOcrPlateRecognizer.Create(Defaults with { DetectorModelPath = Defaults.RecognizerModelPath }));

        Assert.Contains(Defaults.RecognizerModelPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("fixed height", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detector_Model_Given_As_Recognizer_Fails_Naming_The_File_And_Mismatch()
    {
        var error = Assert.Throws<ModelContractException>(
            () => PaddleOcrPlateRecognizer.Create(Defaults with { PlateRecognizerModelPath = Defaults.DetectorModelPath }));

        Assert.Contains(Defaults.DetectorModelPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("height 48", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlateReader.Plate, "38")]
    [InlineData(PlateReader.Text, "6625")]
    public void Keys_File_That_Does_Not_Match_The_Recognizer_Fails_Naming_It(PlateReader reader, string modelClasses)
    {
        var keys = Path.Combine(Path.GetTempPath(), $"keys-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(keys, ["A", "B", "1"]);
        try
        {
            var options = reader == PlateReader.Plate ? Defaults with { PlateKeysPath = keys } : Defaults with { Reader = reader, KeysPath = keys };

            var error = Assert.Throws<ModelContractException>(() => PaddleOcrPlateRecognizer.Create(options));

            Assert.Contains(keys, error.Message, StringComparison.Ordinal);
            Assert.Contains(modelClasses, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keys);
        }
    }
}
