using System.CommandLine;
using EdgeIngest.Evaluation;
using EdgeIngest.Reads;
using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Cli;

/// <summary><c>edgeingest eval DIR [--json] [--finder text|plate] [--reader plate|text] [--region R[,R...]]</c>: accuracy, detection recall and speed on an annotated image folder.</summary>
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
        var reader = new Option<PlateReader>("--reader")
        {
            Description = "What reads the characters: plate (the project's plate recogniser) or text (PP-OCRv4's general text recogniser)",
            DefaultValueFactory = _ => new PlateRecognizerOptions().Reader,
        };
        var region = new Option<string>("--region")
        {
            Description = "Whose plate layouts correct and rank the reads: a region (us, br, uk, ca, au, in, an EU state such as de or ro: the files in models/regions/), a list (br,uk), or any (none)",
            DefaultValueFactory = _ => string.Join(',', new PlateRecognizerOptions().Regions),
        };
        var command = new Command("eval", "Measure plate reading on annotated images: exact-plate accuracy, detection recall, median ms per image")
        {
            directory, json, finder, reader, region,
        };
        command.SetAction((result, cancellationToken) => EvaluationCommand.RunAsync(
            result.GetValue(directory)!.FullName, result.GetValue(json), Console.Out, new PlateRecognizerOptions
            {
                Finder = result.GetValue(finder),
                Reader = result.GetValue(reader),
                Regions = PlateRegions.ParseList(result.GetValue(region)),
            }, cancellationToken));
        return command;
    }
}
