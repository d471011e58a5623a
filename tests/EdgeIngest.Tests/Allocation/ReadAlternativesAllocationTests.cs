using EdgeIngest.Reads;
using EdgeIngest.Tests.Reads;

namespace EdgeIngest.Tests.Allocation;

/// <summary>
/// A read the recogniser is unsure of is searched for its runner-up readings (a beam search over
/// its output) on every frame: once warm that must allocate nothing either (the beams live in
/// arrays sized at start, and the readings' strings come from the text cache like the read's).
/// </summary>
public sealed class ReadAlternativesAllocationTests
{
    private const int WarmUpFrames = 3;
    private const int MeasuredFrames = 8;

    [Fact]
    public void Reading_An_Uncertain_Plate_With_Its_Runner_Up_Readings_Allocates_Nothing_Once_Warm()
    {
        // Pale, blurred characters at night: read B98PJ, with B98PJJ among its runner-up readings.
        var image = RenderedPlate.RenderAtNight("B98PJJ", 0.34, 0xD4, 2.0);
        using var recognizer = PaddleOcrPlateRecognizer.Create();
        for (var i = 0; i < WarmUpFrames; i++)
        {
            recognizer.Recognize(image);
        }

        var withAlternatives = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < MeasuredFrames; i++)
        {
            var reads = recognizer.Recognize(image);
            withAlternatives += reads.Count == 1 && reads[0].Alternatives.Count > 0 ? 1 : 0;
        }

        var perFrame = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / MeasuredFrames;

        Assert.Equal(MeasuredFrames, withAlternatives);
        Assert.True(perFrame == 0, $"reading a plate with its runner-up readings allocated {perFrame:0.#} bytes per frame (over {MeasuredFrames} frames); expected 0");
    }
}
