using EdgeIngest.Reads;
using EdgeIngest.Tests.Reads;

namespace EdgeIngest.Tests.Allocation;

/// <summary>
/// Correcting a read to a region's layout happens on every frame with a plate: once warm it must
/// allocate nothing either (the read is corrected in the recogniser's own buffer, and the corrected
/// text comes from the text cache like any other).
/// </summary>
public sealed class RegionCorrectionAllocationTests
{
    private const int WarmUpFrames = 3;
    private const int MeasuredFrames = 8;

    [Fact]
    public void Reading_A_Plate_Corrected_To_A_Region_Layout_Allocates_Nothing_Once_Warm()
    {
        // Drawn with a letter O in the sixth position, a digit position of Brazil's old series; the
        // O is drawn clearly, so the recogniser is told to correct even what it is sure of.
        var image = RenderedPlate.Render("ABC12O4", 1280, 720, 600, 400);
        using var recognizer = PaddleOcrPlateRecognizer.Create(new PlateRecognizerOptions { Regions = ["br"], MinLookAlikeProbability = 0 });
        for (var i = 0; i < WarmUpFrames; i++)
        {
            recognizer.Recognize(image);
        }

        var corrected = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < MeasuredFrames; i++)
        {
            var reads = recognizer.Recognize(image);
            corrected += reads.Count == 1 && reads[0].Text == "ABC1204" ? 1 : 0;
        }

        var perFrame = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / MeasuredFrames;

        Assert.Equal(MeasuredFrames, corrected);
        Assert.True(perFrame == 0, $"reading and correcting a plate allocated {perFrame:0.#} bytes per frame (over {MeasuredFrames} frames); expected 0");
    }
}
