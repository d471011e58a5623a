using System.Text.Json;
using EdgeIngest.Evaluation;
using EdgeIngest.Reads;
using EdgeIngest.Tests.Reads;

namespace EdgeIngest.Tests.Evaluation;

public sealed class EvaluationCommandTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("edgeingest-eval-");

    [Fact]
    public async Task Json_Report_Counts_Rendered_Plates_As_Read_And_Detected()
    {
        Annotate("first", "KZ4711", 160, 140);
        Annotate("second", "B52RT9", 40, 20);
        using var output = new StringWriter();

        var exit = await EvaluationCommand.RunAsync(directory.FullName, json: true, output, TestContext.Current.CancellationToken);

        Assert.Equal(EvaluationCommand.Success, exit);
        using var report = JsonDocument.Parse(output.ToString());
        var root = report.RootElement;
        Assert.Equal(2, root.GetProperty("images").GetInt32());
        Assert.Equal(1.0, root.GetProperty("accuracy").GetDouble());
        Assert.Equal(1.0, root.GetProperty("detection_recall").GetDouble());
        Assert.True(root.GetProperty("median_ms").GetDouble() > 0);
    }

    [Fact]
    public async Task Text_Report_Names_A_Misread_Plate()
    {
        // The annotation claims a different plate from the one drawn: it must be reported as misread.
        RenderedPlate.WriteJpeg(Path.Combine(directory.FullName, "wrong.jpg"), "KZ4711", 640, 360, 160, 140);
        File.WriteAllText(Path.Combine(directory.FullName, "wrong.txt"), $"wrong.jpg\t160\t140\t{RenderedPlate.PlateWidth}\t{RenderedPlate.PlateHeight}\tQQ9999\n");
        using var output = new StringWriter();

        var exit = await EvaluationCommand.RunAsync(directory.FullName, json: false, output, TestContext.Current.CancellationToken);

        Assert.Equal(EvaluationCommand.Success, exit);
        Assert.Contains("wrong.jpg: wrong read: expected QQ9999, read KZ4711", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unknown_Region_Is_Bad_Input_Named_With_The_Known_Regions()
    {
        Annotate("first", "KZ4711", 160, 140);
        using var output = new StringWriter();

        var exit = await EvaluationCommand.RunAsync(
            directory.FullName, json: false, output, new PlateRecognizerOptions { Regions = ["br", "mars"] }, TestContext.Current.CancellationToken);

        Assert.Equal(EvaluationCommand.BadInput, exit);
        Assert.StartsWith("eval: error: --region: 'mars' is not a known region; expected a region or a list of regions from: any, at, au,", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Report_Names_The_Regions_Whose_Layouts_Were_Used()
    {
        Annotate("first", "KZ4711", 160, 140);
        using var output = new StringWriter();

        var exit = await EvaluationCommand.RunAsync(
            directory.FullName, json: true, output, new PlateRecognizerOptions { Regions = ["br", "uk"] }, TestContext.Current.CancellationToken);

        Assert.Equal(EvaluationCommand.Success, exit);
        using var report = JsonDocument.Parse(output.ToString());
        Assert.Equal("br,uk", report.RootElement.GetProperty("region").GetString());
    }

    public void Dispose() => directory.Delete(recursive: true);

    private void Annotate(string name, string plate, int plateX, int plateY)
    {
        RenderedPlate.WriteJpeg(Path.Combine(directory.FullName, name + ".jpg"), plate, 640, 360, plateX, plateY);
        File.WriteAllText(
            Path.Combine(directory.FullName, name + ".txt"),
            $"{name}.jpg\t{plateX}\t{plateY}\t{RenderedPlate.PlateWidth}\t{RenderedPlate.PlateHeight}\t{plate}\n");
    }
}
