using System.CommandLine;
using EdgeIngest.Evaluation;
using EdgeIngest.Reads;

namespace EdgeIngest.Cli;

/// <summary><c>edgeingest eval DIR [--json] [--finder text|plate]</c>: accuracy, detection recall and speed on an annotated image folder.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "Folder of images with OpenALPR-format .txt annotations (file, x, y, w, h, plate; tab-separated)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (images, accuracy, detection_recall, median_ms, ...) instead of the text report" };
        var finder = new Option<PlateFinder>("--finder")
        {
            Description = "What finds plate candidates: text (PP-OCRv4 text detection) or plate (the project's plate detector)",
            DefaultValueFactory = _ => new PlateRecognizerOptions().Finder,
        };
        var command = new Command("eval", "Measure plate reading on annotated images: exact-plate accuracy, detection recall, median ms per image") { directory, json, finder };
        command.SetAction((result, cancellationToken) => EvaluationCommand.RunAsync(
            result.GetValue(directory)!.FullName, result.GetValue(json), Console.Out, new PlateRecognizerOptions { Finder = result.GetValue(finder) }, cancellationToken));
        return command;
    }
}
