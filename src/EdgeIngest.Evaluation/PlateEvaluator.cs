using System.Diagnostics;
using EdgeIngest.Frames;
using EdgeIngest.Interop.Images;
using EdgeIngest.Reads;

namespace EdgeIngest.Evaluation;

/// <summary>
/// Runs a recogniser over annotated images and judges every true plate. The judgement is strict:
/// a plate counts as read only if the recogniser's TOP-ranked read matches it (in an image with
/// k annotated plates, one of its top k reads), because the top read is what the pipeline acts
/// on. A second, looser figure counts a plate also when it is one of the judged read's runner-up
/// readings (<see cref="PlateRead.Alternatives"/>), as hotlist matching tries them. Time is measured around recognition alone, not the file read or decode. An image that
/// cannot be read or decoded (missing, damaged, not an image) is recorded with the reason and
/// skipped: one bad file must not cost the rest of the run.
/// </summary>
public sealed class PlateEvaluator(PaddleOcrPlateRecognizer recognizer, IImageDecoder decoder)
{
    private byte[] pixels = [];

    public async Task<EvaluationRun> EvaluateAsync(IReadOnlyList<AnnotatedImage> images, CancellationToken cancellationToken)
    {
        var results = new List<PlateResult>();
        var unreadable = new List<UnreadableImage>();
        var milliseconds = new List<double>(images.Count);
        foreach (var annotated in images)
        {
            BgrImage image;
            try
            {
                image = await DecodeAsync(annotated.ImagePath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
            {
                unreadable.Add(new UnreadableImage(annotated.ImagePath, e.Message));
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var reads = recognizer.Recognize(image);
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Judge(annotated, reads, recognizer.LastTextBoxes, results);
        }

        return new EvaluationRun(results, Median([.. milliseconds]), unreadable);
    }

    private static void Judge(AnnotatedImage image, IReadOnlyList<PlateRead> reads, IReadOnlyList<PlateBox> textBoxes, List<PlateResult> results)
    {
        var considered = Math.Min(reads.Count, image.Plates.Count);
        foreach (var truth in image.Plates)
        {
            var detected = false;
            foreach (var box in textBoxes)
            {
                detected |= PlateMatching.Finds(box, truth.Box);
            }

            var matched = false;
            var amongAlternatives = false;
            for (var r = 0; r < considered && !matched; r++)
            {
                matched = PlateMatching.SameText(reads[r].Text, truth.Plate);
                for (var a = 0; a < reads[r].Alternatives.Count && !amongAlternatives; a++)
                {
                    amongAlternatives = PlateMatching.SameText(reads[r].Alternatives[a], truth.Plate);
                }
            }

            var outcome = matched ? PlateOutcome.Read : detected ? PlateOutcome.WrongRead : PlateOutcome.NotDetected;
            results.Add(new PlateResult(truth, outcome, detected, reads.Count > 0 ? reads[0].Text : string.Empty)
            {
                Alternatives = reads.Count > 0 ? AlternativesOf(reads[0]) : [],
                AmongAlternatives = matched || amongAlternatives,
            });
        }
    }

    private static string[] AlternativesOf(in PlateRead read)
    {
        var alternatives = new string[read.Alternatives.Count];
        for (var a = 0; a < alternatives.Length; a++)
        {
            alternatives[a] = read.Alternatives[a];
        }

        return alternatives;
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private async Task<BgrImage> DecodeAsync(string path, CancellationToken cancellationToken)
    {
        var encoded = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var size = decoder.Decode(encoded, ref pixels);
        return new BgrImage(pixels.AsMemory(0, size.BgrLength), size.Width, size.Height);
    }
}
