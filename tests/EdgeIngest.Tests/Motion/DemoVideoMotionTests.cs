using EdgeIngest.Frames;
using EdgeIngest.Motion;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Motion;

/// <summary>
/// The motion gate on the demo clip as H.264 delivers it (codec noise included): every frame of a
/// car crossing is read; the empty road between two cars is read once and then gated.
/// </summary>
public sealed class DemoVideoMotionTests
{
    [Fact]
    public async Task Every_Frame_Of_A_Car_Crossing_Passes_The_Gate()
    {
        // The first car (7ABC123) crosses from 0.5 s to 6.5 s; at 5 fps it moves 58 px a frame.
        var frames = await DemoFrames.SequenceAsync(fromSeconds: 2, seconds: 2, fps: 5);
        var gate = new MotionGate(DetectionZone.WholeFrame, new MotionOptions());

        var passed = frames.Select((frame, i) => gate.ShouldAnalyse(frame, At(i / 5.0))).ToList();

        Assert.Equal(10, frames.Count);
        Assert.All(passed, Assert.True);
    }

    [Fact]
    public async Task The_Empty_Road_Between_Two_Cars_Is_Read_Once_And_Then_Gated()
    {
        // The first car has left at 6.5 s, the second enters at 7.0 s: 6 frames of empty road at 15 fps.
        var frames = await DemoFrames.SequenceAsync(fromSeconds: 6.55, seconds: 0.4, fps: 15);
        var gate = new MotionGate(DetectionZone.WholeFrame, new MotionOptions());

        var passed = frames.Select((frame, i) => gate.ShouldAnalyse(frame, At(i / 15.0))).ToList();

        Assert.InRange(frames.Count, 5, 7);
        Assert.True(passed[0]);
        Assert.All(passed.Skip(1), Assert.False);
    }

    private static DateTimeOffset At(double seconds) => new DateTimeOffset(2026, 11, 21, 7, 0, 0, TimeSpan.Zero).AddSeconds(seconds);
}
