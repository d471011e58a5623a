using System.Globalization;
using System.Text.Json;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Interop.Onnx;
using EdgeIngest.Reads;

namespace EdgeIngest.Evaluation;

/// <summary>
/// <c>edgeingest eval DIR [--json]</c>: reads an OpenALPR-annotated folder, recognises every image
/// and reports exact-plate accuracy, detection recall and median recognition time. Exit code 0
/// when the evaluation ran, 2 for bad input (missing folder, malformed annotation, unreadable
/// image), 1 when the recogniser cannot start (missing or wrong model).
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
        catch (Exception e) when (e is FileNotFoundException or ModelContractException or OrtException or InvalidDataException)
        {
            await output.WriteLineAsync($"eval: error: {e.Message}").ConfigureAwait(false);
            return RecognizerFailed;
        }

        using (recognizer)
        using (var codec = new TurboJpegCodec())
        {
            IReadOnlyList<PlateResult> plates;
            double medianMs;
            try
            {
                (plates, medianMs) = await new PlateEvaluator(recognizer, codec).EvaluateAsync(images, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is JpegException or IOException)
            {
                await output.WriteLineAsync($"eval: error: {e.Message}").ConfigureAwait(false);
                return BadInput;
            }

            var summary = Summarize(images.Count, plates, medianMs, options);
            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(summary, JsonOptions)).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(output, summary, plates).ConfigureAwait(false);
            }
        }

        return Success;
    }

    public static EvaluationSummary Summarize(int images, IReadOnlyList<PlateResult> plates, double medianMs, PlateRecognizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int exact = 0, detected = 0, notDetected = 0, noRead = 0, wrongRead = 0;
        foreach (var plate in plates)
        {
            detected += plate.Detected ? 1 : 0;
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
            images, plates.Count, exact, Math.Round((double)exact / count, 4), detected, Math.Round((double)detected / count, 4),
            Math.Round(medianMs, 1), options.Finder == PlateFinder.Plate ? "plate" : "text",
            options.Reader == PlateReader.Plate ? "plate" : "text", options.DetectorLongSide, new EvaluationErrors(notDetected, noRead, wrongRead));
    }

    private static async Task WriteTextAsync(TextWriter output, EvaluationSummary summary, IReadOnlyList<PlateResult> plates)
    {
        var culture = CultureInfo.InvariantCulture;
        foreach (var plate in plates)
        {
            if (plate.Outcome != PlateOutcome.Read)
            {
                var kind = plate.Outcome == PlateOutcome.NotDetected ? "not detected" : plate.TopRead.Length == 0 ? "no read" : "wrong read";
                var read = plate.TopRead.Length == 0 ? "-" : plate.TopRead;
                await output.WriteLineAsync(
                    string.Create(culture, $"{Path.GetFileName(plate.Truth.ImagePath)}: {kind}: expected {plate.Truth.Plate}, read {read}")).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync(string.Create(culture, $"images            {summary.Images}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(culture, $"plates            {summary.Plates}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(culture, $"exact reads       {summary.ExactReads} ({summary.Accuracy:P1}, top-ranked read, O = 0)")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(culture, $"detection recall  {summary.DetectedPlates} ({summary.DetectionRecall:P1})")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(culture, $"median ms/image   {summary.MedianMs:F1} (recognition only; finder {summary.Finder}, reader {summary.Reader}, text detector long side {summary.DetectorLongSide})")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            culture, $"errors            not detected {summary.Errors.NotDetected}, no read {summary.Errors.NoRead}, wrong read {summary.Errors.WrongRead}")).ConfigureAwait(false);
    }
}
