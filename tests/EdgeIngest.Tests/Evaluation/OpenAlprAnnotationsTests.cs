using EdgeIngest.Evaluation;

namespace EdgeIngest.Tests.Evaluation;

public sealed class OpenAlprAnnotationsTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("edgeingest-annotations-");

    [Fact]
    public void Annotation_Line_Gives_Image_Box_And_Upper_Case_Plate()
    {
        File.WriteAllBytes(Path.Combine(directory.FullName, "car.jpg"), [0xFF]);
        File.WriteAllText(Path.Combine(directory.FullName, "car.txt"), "car.jpg\t10\t20\t30\t15\tabc123\nCAR.jpg\t1\t2\t3\t4\tX1\n".Replace("CAR", "car", StringComparison.Ordinal));

        var image = Assert.Single(OpenAlprAnnotations.Load(directory.FullName));

        Assert.Equal(2, image.Plates.Count);
        Assert.Equal(new EdgeIngest.Reads.PlateBox(10, 20, 30, 15), image.Plates[0].Box);
        Assert.Equal("ABC123", image.Plates[0].Plate);
        Assert.Equal(Path.Combine(directory.FullName, "car.jpg"), image.ImagePath);
    }

    [Theory]
    [InlineData("car.jpg\t10\t20\t30\tABC123", "fields")]
    [InlineData("car.jpg\t10\tten\t30\t15\tABC123", "'ten'")]
    [InlineData("car.jpg\t10\t20\t0\t15\tABC123", "empty")]
    [InlineData("gone.jpg\t10\t20\t30\t15\tABC123", "does not exist")]
    public void Malformed_Line_Fails_Naming_File_Line_And_Problem(string badLine, string problem)
    {
        File.WriteAllBytes(Path.Combine(directory.FullName, "car.jpg"), [0xFF]);
        var file = Path.Combine(directory.FullName, "car.txt");
        File.WriteAllText(file, $"car.jpg\t1\t2\t3\t4\tOK1\n{badLine}\n");

        var error = Assert.Throws<AnnotationFormatException>(() => OpenAlprAnnotations.Load(directory.FullName));

        Assert.Contains($"{file}:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_Folder_Is_A_Bad_Input_Exit_Naming_It()
    {
        var missing = Path.Combine(directory.FullName, "nowhere");
        using var output = new StringWriter();

        var exit = await EvaluationCommand.RunAsync(missing, json: false, output, TestContext.Current.CancellationToken);

        Assert.Equal(EvaluationCommand.BadInput, exit);
        Assert.Contains(missing, output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => directory.Delete(recursive: true);
}
