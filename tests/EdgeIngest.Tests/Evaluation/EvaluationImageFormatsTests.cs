using System.Text.Json;
using EdgeIngest.Evaluation;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Reads;

namespace EdgeIngest.Tests.Evaluation;

public sealed class EvaluationImageFormatsTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("edgeingest-eval-formats-");

    [Fact]
    public async Task Jpeg_And_Png_Are_Read_Alike_And_Bad_Files_Are_Skipped_With_The_Reason()
    {
        await WriteFolder();
        using var output = new StringWriter();

        var exit = await EvaluationCommand.RunAsync(directory.FullName, json: false, output, TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.True(exit == EvaluationCommand.Success, $"eval exited {exit}: {text}");
        Assert.Contains("notes.png: unreadable, skipped: not an image format OpenCV reads (starts with 0x6E 0x6F 0x74 0x20", text, StringComparison.Ordinal);
        Assert.Contains("cut.png: unreadable, skipped: it starts like a PNG file but OpenCV could not decode it", text, StringComparison.Ordinal);
        Assert.Contains("images            4 (2 unreadable, skipped)", text, StringComparison.Ordinal);
        Assert.Contains("exact reads       2 (", text, StringComparison.Ordinal);
        Assert.DoesNotContain("plate.jpg:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("plate.png:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Report_Counts_Unreadable_Images_Apart_From_The_Plates_Judged()
    {
        await WriteFolder();
        using var output = new StringWriter();

        var exit = await EvaluationCommand.RunAsync(directory.FullName, json: true, output, TestContext.Current.CancellationToken);

        Assert.True(exit == EvaluationCommand.Success, $"eval exited {exit}: {output}");
        using var report = JsonDocument.Parse(output.ToString());
        var root = report.RootElement;
        Assert.Equal(4, root.GetProperty("images").GetInt32());
        Assert.Equal(2, root.GetProperty("unreadable_images").GetInt32());
        Assert.Equal(2, root.GetProperty("plates").GetInt32());
        Assert.Equal(2, root.GetProperty("exact_reads").GetInt32());
        Assert.Equal(2, root.GetProperty("read_or_alternative").GetInt32());
    }

    public void Dispose() => directory.Delete(recursive: true);

    // The same rendered plate as JPEG and as a PNG converted from it, a text file named .png and a
    // PNG cut short. (An annotation naming a file that does not exist is an annotation error.)
    private async Task WriteFolder()
    {
        var jpeg = Path.Combine(directory.FullName, "plate.jpg");
        RenderedPlate.WriteJpeg(jpeg, "KZ4711", 640, 360, 160, 140);
        var png = Path.Combine(directory.FullName, "plate.png");
        await ProcessRunner.RunCheckedAsync("ffmpeg", ["-nostdin", "-v", "error", "-y", "-i", jpeg, png], TimeSpan.FromSeconds(30));
        var pngBytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(directory.FullName, "cut.png"), pngBytes.AsMemory(0, pngBytes.Length / 3), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "notes.png"), "not a picture, just notes", TestContext.Current.CancellationToken);
        foreach (var name in new[] { "plate.jpg", "plate.png", "cut.png", "notes.png" })
        {
            await File.WriteAllTextAsync(
                Path.Combine(directory.FullName, Path.ChangeExtension(name, null) + "-" + Path.GetExtension(name)[1..] + ".txt"),
                $"{name}\t160\t140\t{RenderedPlate.PlateWidth}\t{RenderedPlate.PlateHeight}\tKZ4711\n",
                TestContext.Current.CancellationToken);
        }
    }
}
