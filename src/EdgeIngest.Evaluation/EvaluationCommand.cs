using System.Globalization;
using System.Text.Json;
using EdgeIngest.Interop.Images;
using EdgeIngest.Interop.Onnx;
using EdgeIngest.Reads;
using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Evaluation;

/// <summary>
/// <c>edgeingest eval DIR [--json]</c>: reads an OpenALPR-annotated folder, recognises every image
/// and reports exact-plate accuracy, detection recall and median recognition time. Images in any
/// format OpenCV reads; one that cannot be read is reported (file and reason) and skipped. Exit
/// code 0 when the evaluation ran, 2 for bad input (missing folder, malformed annotation, unknown
/// region), 1 when the recogniser cannot start (missing or wrong model, bad region template file).
/// </summary>
public static class EvaluationCommand
{
    public const int Success = 0;
    public const int RecognizerFailed = 1;
    public const int BadInput = 2;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static Task<int> RunAsync(string directory, bool json, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(directory, json, output, new PlateRecognizerOptions(), cancellationToken);

    public static async Task<int> RunAsync(
        string directory, bool json, TextWriter output, PlateRecognizerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        if (PlateRegions.Problem(options.RegionsDirectory, options.Regions) is { } regionProblem)
        {
            await output.WriteLineAsync($"eval: error: --region: {regionProblem}").ConfigureAwait(false);
            return BadInput;
        }

        IReadOnlyList<AnnotatedImage> images;
        try
        {
            images = OpenAlprAnnotations.Load(directory);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or AnnotationFormatException or IOException)
        {
            await output.WriteLineAsync($"eval: error: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }

        PaddleOcrPlateRecognizer recognizer;
        try
        {
            recognizer = PaddleOcrPlateRecognizer.Create(options);
        }
        catch (Exception e) when (e is FileNotFoundException or ModelContractException or OrtException or InvalidDataException or RegionTemplateException)
        {
            await output.WriteLineAsync($"eval: error: {e.Message}").ConfigureAwait(false);
            return RecognizerFailed;
        }

        using (recognizer)
        using (var decoder = new OpenCvImageDecoder())
        {
            var run = await new PlateEvaluator(recognizer, decoder).EvaluateAsync(images, cancellationToken).ConfigureAwait(false);
            var summary = Summarize(images.Count, run, options);
            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(summary, JsonOptions)).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(output, summary, run).ConfigureAwait(false);
            }
        }

        return Success;
    }

    public static EvaluationSummary Summarize(int images, EvaluationRun run, PlateRecognizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var plates = run.Plates;
        int exact = 0, detected = 0, notDetected = 0, noRead = 0, wrongRead = 0, amongAlternatives = 0;
        foreach (var plate in plates)
        {
            detected += plate.Detected ? 1 : 0;
            amongAlternatives += plate.AmongAlternatives ? 1 : 0;
            switch (plate.Outcome)
            {
                case PlateOutcome.Read:
                    exact++;
                    break;
                case PlateOutcome.NotDetected:
                    notDetected++;
                    break;
                case PlateOutcome.WrongRead when plate.TopRead.Length == 0:
                    noRead++;
                    break;
                default:
                    wrongRead++;
                    break;
            }
        }

        var count = Math.Max(1, plates.Count);
        return new EvaluationSummary(
            images, run.Unreadable.Count, plates.Count, exact, Math.Round((double)exact / count, 4), detected, Math.Round((double)detected / count, 4),
            amongAlternatives, Math.Round((double)amongAlternatives / count, 4),
            Math.Round(run.MedianMs, 1), options.Finder == PlateFinder.Plate ? "plate" : "text",
            options.Reader == PlateReader.Plate ? "plate" : "text", options.DetectorLongSide, string.Join(',', options.Regions), new EvaluationErrors(notDetected, noRead, wrongRead));
    }

    private static async Task WriteTextAsync(TextWriter output, EvaluationSummary summary, EvaluationRun run)
    {
        var culture = CultureInfo.InvariantCulture;
        foreach (var image in run.Unreadable)
        {
            await output.WriteLineAsync($"{Path.GetFileName(image.ImagePath)}: unreadable, skipped: {image.Reason}").ConfigureAwait(false);
        }

        foreach (var plate in run.Plates)
        {
            if (plate.Outcome != PlateOutcome.Read)
            {
                var kind = plate.Outcome == PlateOutcome.NotDetected ? "not detected" : plate.TopRead.Length == 0 ? "no read" : "wrong read";
                var read = plate.TopRead.Length == 0 ? "-" : plate.TopRead;
                var alternatives = plate.Alternatives.Count == 0 ? string.Empty : $" (alternatives {string.Join(", ", plate.Alternatives)}{(plate.AmongAlternatives ? ": among them" : string.Empty)})";
                await output.WriteLineAsync(
                    string.Create(culture, $"{Path.GetFileName(plate.Truth.ImagePath)}: {kind}: expected {plate.Truth.Plate}, read {read}{alternatives}")).ConfigureAwait(false);
            }
        }

        var skipped = summary.UnreadableImages == 0 ? string.Empty : $" ({summary.UnreadableImages} unreadable, skipped)";
        await output.WriteLineAsync(string.Create(culture, $"images            {summary.Images}{skipped}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(culture, $"plates            {summary.Plates}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(culture, $"exact reads       {summary.ExactReads} ({summary.Accuracy:P1}, top-ranked read, O = 0)")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(culture, $"with alternatives {summary.ReadOrAlternative} ({summary.ReadOrAlternativeShare:P1}, the right plate among the read and its alternatives)")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(culture, $"detection recall  {summary.DetectedPlates} ({summary.DetectionRecall:P1})")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(culture, $"median ms/image   {summary.MedianMs:F1} (recognition only; finder {summary.Finder}, reader {summary.Reader}, text detector long side {summary.DetectorLongSide}, region {summary.Region})")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            culture, $"errors            not detected {summary.Errors.NotDetected}, no read {summary.Errors.NoRead}, wrong read {summary.Errors.WrongRead}")).ConfigureAwait(false);
    }
}
