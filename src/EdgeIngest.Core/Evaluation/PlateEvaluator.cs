using System.Diagnostics;
using EdgeIngest.Frames;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Reads;

namespace EdgeIngest.Evaluation;

/// <summary>
/// Runs a recogniser over annotated images and judges every true plate. The judgement is strict:
/// a plate counts as read only if the recogniser's TOP-ranked read matches it (in an image with
/// k annotated plates, one of its top k reads), because the top read is what the pipeline acts
/// on. Time is measured around recognition alone, not the file read or JPEG decode.
/// </summary>
public sealed class PlateEvaluator(PaddleOcrPlateRecognizer recognizer, IJpegCodec codec)
{
    private byte[] pixels = [];

    public async Task<(IReadOnlyList<PlateResult> Plates, double MedianMs)> EvaluateAsync(
        IReadOnlyList<AnnotatedImage> images, CancellationToken cancellationToken)
    {
        var results = new List<PlateResult>();
        var milliseconds = new double[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            var image = await DecodeAsync(images[i].ImagePath, cancellationToken).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var reads = recognizer.Recognize(image);
            milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Judge(images[i], reads, recognizer.LastTextBoxes, results);
        }

        return (results, Median(milliseconds));
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
            for (var r = 0; r < considered && !matched; r++)
            {
                matched = PlateMatching.SameText(reads[r].Text, truth.Plate);
            }

            var outcome = matched ? PlateOutcome.Read : detected ? PlateOutcome.WrongRead : PlateOutcome.NotDetected;
            results.Add(new PlateResult(truth, outcome, detected, reads.Count > 0 ? reads[0].Text : string.Empty));
        }
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
        var jpeg = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        JpegInfo info;
        try
        {
            info = codec.ReadInfo(jpeg);
            if (pixels.Length < info.BgrLength)
            {
                pixels = new byte[info.BgrLength];
            }

            codec.Decode(jpeg, pixels);
        }
        catch (JpegException e)
        {
            throw new JpegException($"{path}: {e.Message}", e);
        }

        return new BgrImage(pixels.AsMemory(0, info.BgrLength), info.Width, info.Height);
    }
}
