using EdgeIngest.Frames;
using EdgeIngest.Hotlists;
using EdgeIngest.Reads;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Reads;

namespace EdgeIngest.Tests.Allocation;

/// <summary>
/// The allocation gate of the per-frame path: once warm, reading a real demo frame (with a plate
/// and without) and matching the read against the hotlist must allocate nothing, so a camera
/// running for months puts no pressure on the GC. Measured on this thread around many frames, on
/// the default path: the plate detector finds the plate, the character-band refiner takes its
/// close look, the recogniser reads the band, the reads are ranked by regional fit.
/// </summary>
public sealed class SteadyStateAllocationTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    // 3.5 s: the first car's plate (7ABC123) is whole and mid-frame; 6.8 s: the road between cars.
    private const double PlateSeconds = 3.5;
    private const double EmptyRoadSeconds = 6.8;
    private const string Plate = "7ABC123";
    private const int WarmUpFrames = 3;
    private const int MeasuredFrames = 25;

    // The text finder costs about three times as much a frame; fewer frames still catch a per-frame allocation.
    private const int TextFinderMeasuredFrames = 8;

    [Fact]
    public async Task Reading_And_Matching_Demo_Frames_Allocates_Nothing_Once_Warm()
    {
        Assert.True(fixture.Recognizer.FindsPlates, "the fixture's recogniser should be the default one, finding candidates with the plate detector");
        await AssertReadingAllocatesNothing(fixture.Recognizer, MeasuredFrames);
    }

    /// <summary>The text detector as finder is an option (recognition.finder: text): it must not allocate either.</summary>
    [Fact]
    public async Task Reading_With_The_Text_Finder_Allocates_Nothing_Once_Warm()
    {
        Assert.False(fixture.TextFinderRecognizer.FindsPlates);
        await AssertReadingAllocatesNothing(fixture.TextFinderRecognizer, TextFinderMeasuredFrames);
    }

    [Fact]
    public void Hotlist_Match_Allocates_Nothing()
    {
        var hotlist = new Hotlist([new HotlistEntry(Plate, "stolen", HotlistPriority.Critical)]);
        var now = DateTimeOffset.UtcNow;
        hotlist.Match("7A8C-123", now);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hit = hotlist.Match("7A8C-123", now);
        var miss = hotlist.Match("KXT4821", now);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Plate, hit?.Entry.Plate);
        Assert.Null(miss);
        Assert.Equal(0, allocated);
    }

    private static async Task AssertReadingAllocatesNothing(PaddleOcrPlateRecognizer recognizer, int measuredFrames)
    {
        var withPlate = await DemoFrames.AtAsync(PlateSeconds);
        var withoutPlate = await DemoFrames.AtAsync(EmptyRoadSeconds);
        var hotlist = new Hotlist([new HotlistEntry(Plate, "stolen", HotlistPriority.Critical), new HotlistEntry("KXT4821", "wanted", HotlistPriority.High)]);
        for (var i = 0; i < WarmUpFrames; i++)
        {
            ReadAndMatch(recognizer, withPlate, hotlist);
            ReadAndMatch(recognizer, withoutPlate, hotlist);
        }

        var hits = 0;
        var reads = 0;
        var refinements = 0;
        var recognitions = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < measuredFrames; i++)
        {
            var (plateReads, plateHits) = ReadAndMatch(recognizer, withPlate, hotlist);
            refinements += recognizer.LastRefinements;
            recognitions += recognizer.LastRecognitions;
            var (emptyReads, emptyHits) = ReadAndMatch(recognizer, withoutPlate, hotlist);
            reads += plateReads + emptyReads;
            hits += plateHits + emptyHits;
        }

        var perFrame = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / (2 * measuredFrames);

        // The loop really refined, read and hit the plate every time, and saw nothing on the empty road.
        Assert.True(refinements >= measuredFrames, $"{refinements} refinements over {measuredFrames} plate frames: the refiner was not exercised");
        Assert.True(recognitions >= measuredFrames, $"{recognitions} recogniser runs over {measuredFrames} plate frames");
        Assert.Equal(measuredFrames, reads);
        Assert.Equal(measuredFrames, hits);
        Assert.True(perFrame == 0, $"the warm per-frame path allocated {perFrame:0.#} bytes per frame (over {2 * measuredFrames} frames); expected 0");
    }

    private static (int Reads, int Hits) ReadAndMatch(PaddleOcrPlateRecognizer recognizer, BgrImage image, Hotlist hotlist)
    {
        var reads = recognizer.Recognize(image);
        var hits = 0;
        for (var i = 0; i < reads.Count; i++)
        {
            if (hotlist.Match(reads[i].Text, DateTimeOffset.UnixEpoch) is not null)
            {
                hits++;
            }
        }

        return (reads.Count, hits);
    }
}
