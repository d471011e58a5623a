using EdgeIngest.Frames;
using EdgeIngest.Motion;
using EdgeIngest.Pipeline;
using EdgeIngest.Reads;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Frames;

public sealed class LatestFrameTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    // The lower 60 % of the frame: y 288..720 of the demo clip's 1280x720.
    private static readonly ZoneReadFilter LowerZone = new(DetectionZone.From(new ZoneOptions { Rectangle = new RectangleOptions { Y = 0.4, Height = 0.6 } }));

    [Fact]
    public async Task The_Picture_Is_A_Copy_Of_The_Frames_Pixels_With_Its_Reads_In_And_Out_Of_The_Zone()
    {
        var frame = await DemoFrames.AtAsync(3.5);
        var pixels = frame.Span.ToArray();
        var latest = new LatestFrame(LatestFrame.DefaultInterval);
        Assert.Null(latest.Copy());
        PlateRead[] reads = [new("7ABC123", 0.9f, new PlateBox(500, 400, 200, 80)), new("FAR1", 0.8f, new PlateBox(40, 20, 100, 40))];

        latest.Take(new BgrImage(pixels, frame.Width, frame.Height), Start, reads, LowerZone);
        Array.Clear(pixels);

        var snapshot = Assert.IsType<FrameSnapshot>(latest.Copy());
        Assert.Equal((frame.Width, frame.Height, Start, true), (snapshot.Width, snapshot.Height, snapshot.CapturedAt, snapshot.Analysed));
        Assert.True(frame.Span.SequenceEqual(snapshot.Pixels), "the picture is not the frame's pixels as they were when taken");
        Assert.Equal([new SnapshotRead("7ABC123", reads[0].Box, InZone: true), new SnapshotRead("FAR1", reads[1].Box, InZone: false)], snapshot.Reads);
        Assert.NotSame(snapshot.Pixels, latest.Copy()!.Pixels);
    }

    [Fact]
    public void At_25_Frames_A_Second_A_Picture_Is_Taken_Once_A_Second_And_Only_The_First_Take_Allocates()
    {
        var latest = new LatestFrame(LatestFrame.DefaultInterval);
        var frames = new[] { Filled(1), Filled(2), Filled(3) };
        var taken = new List<int>();
        long allocated = 0;
        for (var i = 0; i < 75; i++)
        {
            var at = Start + TimeSpan.FromMilliseconds(40 * i);
            if (!latest.IsDue(at))
            {
                continue;
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            latest.Take(frames[i / 25], at, reads: null, zone: null);
            allocated += taken.Count == 0 ? 0 : GC.GetAllocatedBytesForCurrentThread() - before;
            taken.Add(i);
        }

        Assert.Equal([0, 25, 50], taken);
        Assert.Equal(3, latest.Taken);
        Assert.Equal(0, allocated);
        var snapshot = latest.Copy()!;
        Assert.Equal(Start + TimeSpan.FromSeconds(2), snapshot.CapturedAt);
        Assert.False(snapshot.Analysed);
        Assert.Empty(snapshot.Reads);
        Assert.All(snapshot.Pixels, b => Assert.Equal(3, b));
    }

    [Fact]
    public void A_Clock_Set_Back_Makes_The_Next_Frame_Due_At_Once()
    {
        var latest = new LatestFrame(LatestFrame.DefaultInterval);
        latest.Take(Filled(1), Start, reads: null, zone: null);

        Assert.False(latest.IsDue(Start + TimeSpan.FromMilliseconds(999)));
        Assert.True(latest.IsDue(Start - TimeSpan.FromHours(1)));
    }

    private static BgrImage Filled(byte value)
    {
        var pixels = new byte[64 * 36 * BgrImage.BytesPerPixel];
        Array.Fill(pixels, value);
        return new BgrImage(pixels, 64, 36);
    }
}
