using EdgeIngest.Frames;
using EdgeIngest.Reads;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Reads;
using EdgeIngest.Tracks;

namespace EdgeIngest.Tests.Allocation;

/// <summary>
/// The allocation gate of the tracker, the stage after recognition on the per-frame path: a car
/// in view whose reads join its track (votes, best-frame comparison, and a copy of the whole
/// 720p frame whenever a read beats the best) allocates nothing once warm, nor does following it
/// after its report. The read is the recogniser's own, from a real demo frame; the steps between
/// frames are 50 ms of capture time. Measured on this thread around many frames.
/// </summary>
public sealed class TrackingAllocationTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    private const double PlateSeconds = 3.5; // the first car's plate, 7ABC123, whole and mid-frame
    private const int WarmUpFrames = 3;
    private const int MeasuredFrames = 25;
    private const double FrameStep = 0.05;
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Following_A_Plate_In_View_While_Its_Reads_Are_Voted_Allocates_Nothing_Once_Warm()
    {
        var (frame, read) = await ReadDemoPlateAsync();
        var tracker = new PlateTracker("gate", new TrackerOptions());
        var sink = new CountingSink();
        var reads = new PlateRead[1];
        var alternatives = ReadAlternatives.Of("7A8C123", "7ABC128");
        var at = T0;
        long before = 0;
        for (var i = 0; i < WarmUpFrames + MeasuredFrames; i++)
        {
            if (i == WarmUpFrames)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
            }

            // A little more sure each frame, so every read becomes the best frame and is copied;
            // each carries runner-up readings (the recogniser's cached strings), which are tallied.
            reads[0] = read with { Confidence = 0.7f + (0.01f * i), Box = read.Box with { X = read.Box.X + i }, Alternatives = alternatives };
            tracker.Observe(frame, at, reads, sink);
            at = at.AddSeconds(FrameStep);
        }

        var perFrame = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / MeasuredFrames;

        // Nothing was reported inside the vote window; flushed now, the best frame is the last one.
        Assert.Equal((0, 1), (sink.Reports, tracker.OpenTracks));
        tracker.Flush(sink);
        Assert.Equal(at.AddSeconds(-FrameStep), sink.LastCapturedAtUtc);
        Assert.True(perFrame == 0, $"following a plate allocated {perFrame:0.#} bytes per frame (over {MeasuredFrames} frames); expected 0");
    }

    [Fact]
    public async Task Following_A_Plate_That_Has_Been_Reported_Allocates_Nothing()
    {
        var (frame, read) = await ReadDemoPlateAsync();
        var tracker = new PlateTracker("gate", new TrackerOptions());
        var sink = new CountingSink();
        IReadOnlyList<PlateRead> reads = [read];
        var at = T0;
        for (var i = 0; i < 100 && sink.Reports == 0; i++)
        {
            tracker.Observe(frame, at, reads, sink);
            at = at.AddSeconds(FrameStep);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < MeasuredFrames; i++)
        {
            tracker.Observe(frame, at, reads, sink);
            at = at.AddSeconds(FrameStep);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((1, 1), (sink.Reports, tracker.OpenTracks));
        Assert.Equal(0, allocated);
    }

    private async Task<(BgrImage Frame, PlateRead Read)> ReadDemoPlateAsync()
    {
        var frame = await DemoFrames.AtAsync(PlateSeconds);
        var read = Assert.Single(fixture.Recognizer.Recognize(frame));
        Assert.Equal("7ABC123", read.Text);
        return (frame, read);
    }

    private sealed class CountingSink : ITrackSink
    {
        public int Reports { get; private set; }

        public DateTimeOffset LastCapturedAtUtc { get; private set; }

        public void Report(in FinalRead read) => (Reports, LastCapturedAtUtc) = (Reports + 1, read.CapturedAtUtc);

        public void TrackEnded(string cameraId, string reportedText, DateTimeOffset lastSeenAtUtc)
        {
        }
    }
}
