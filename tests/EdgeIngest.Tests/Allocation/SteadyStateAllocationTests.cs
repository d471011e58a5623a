using EdgeIngest.Frames;
using EdgeIngest.Hotlists;
using EdgeIngest.Tests.Reads;

namespace EdgeIngest.Tests.Allocation;

/// <summary>
/// The allocation gate of the per-frame path: once warm, reading a real demo frame (with a plate
/// and without) and matching the read against the hotlist must allocate nothing, so a camera
/// running for months puts no pressure on the GC. Measured on this thread around many frames.
/// </summary>
public sealed class SteadyStateAllocationTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    // 3.5 s: the first car's plate (7ABC123) is whole and mid-frame; 6.8 s: the road between cars.
    private const double PlateSeconds = 3.5;
    private const double EmptyRoadSeconds = 6.8;
    private const string Plate = "7ABC123";
    private const int WarmUpFrames = 3;
    private const int MeasuredFrames = 25;

    [Fact]
    public async Task Reading_And_Matching_Demo_Frames_Allocates_Nothing_Once_Warm()
    {
        var withPlate = await DemoFrame.AtAsync(PlateSeconds);
        var withoutPlate = await DemoFrame.AtAsync(EmptyRoadSeconds);
        var hotlist = new Hotlist([new HotlistEntry(Plate, "stolen", HotlistPriority.Critical), new HotlistEntry("KXT4821", "wanted", HotlistPriority.High)]);
        for (var i = 0; i < WarmUpFrames; i++)
        {
            ReadAndMatch(withPlate, hotlist);
            ReadAndMatch(withoutPlate, hotlist);
        }

        var hits = 0;
        var reads = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < MeasuredFrames; i++)
        {
            var (plateReads, plateHits) = ReadAndMatch(withPlate, hotlist);
            var (emptyReads, emptyHits) = ReadAndMatch(withoutPlate, hotlist);
            reads += plateReads + emptyReads;
            hits += plateHits + emptyHits;
        }

        var perFrame = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / (2 * MeasuredFrames);

        // The loop really read and hit the plate every time, and saw nothing on the empty road.
        Assert.Equal(MeasuredFrames, reads);
        Assert.Equal(MeasuredFrames, hits);
        Assert.True(perFrame == 0, $"the warm per-frame path allocated {perFrame:0.#} bytes per frame (over {2 * MeasuredFrames} frames); expected 0");
    }

    [Fact]
    public void Hotlist_Match_Allocates_Nothing()
    {
        var hotlist = new Hotlist([new HotlistEntry(Plate, "stolen", HotlistPriority.Critical)]);
        hotlist.Match("7A8C-123");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hit = hotlist.Match("7A8C-123");
        var miss = hotlist.Match("KXT4821");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Plate, hit?.Plate);
        Assert.Null(miss);
        Assert.Equal(0, allocated);
    }

    private (int Reads, int Hits) ReadAndMatch(BgrImage image, Hotlist hotlist)
    {
        var reads = fixture.Recognizer.Recognize(image);
        var hits = 0;
        for (var i = 0; i < reads.Count; i++)
        {
            if (hotlist.Match(reads[i].Text) is not null)
            {
                hits++;
            }
        }

        return (reads.Count, hits);
    }
}
