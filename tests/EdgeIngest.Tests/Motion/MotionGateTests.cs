using EdgeIngest.Frames;
using EdgeIngest.Motion;

namespace EdgeIngest.Tests.Motion;

/// <summary>The motion gate on synthetic frames: what it lets through to the plate reader, and what it holds back.</summary>
public sealed class MotionGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 7, 0, 0, TimeSpan.Zero);
    private static readonly SyntheticScene Scene = new();

    /// <summary>The lower 60 % of the frame: the lot, not the street beyond it.</summary>
    private static readonly DetectionZone LowerLot = DetectionZone.From(new ZoneOptions { Rectangle = new RectangleOptions { Y = 0.4, Height = 0.6 } });

    private static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    [Fact]
    public void A_Still_Scene_Is_Read_Once_And_Then_Gated_Despite_Sensor_Noise()
    {
        var gate = new MotionGate(DetectionZone.WholeFrame, new MotionOptions());

        Assert.True(gate.ShouldAnalyse(Scene.Frame(noise: 5, seed: 0), At(0)), "the first frame must always be read");
        for (var i = 1; i <= 15; i++)
        {
            Assert.False(gate.ShouldAnalyse(Scene.Frame(noise: 5, seed: i), At(i * 0.1)), $"still frame {i} was read ({gate.LastChangedCells} cells changed)");
        }
    }

    [Fact]
    public void A_Car_Moving_Inside_The_Zone_Passes_Every_Frame()
    {
        var gate = new MotionGate(LowerLot, new MotionOptions());
        gate.ShouldAnalyse(Scene.Frame(), At(0));

        // A 400×200 car driving through the lot at 40 px per frame (10 fps: about 15 km/h at this scale).
        for (var i = 1; i <= 10; i++)
        {
            var frame = Scene.Frame(noise: 3, seed: i, cars: (100 + (i * 40), 450, 400, 200));
            Assert.True(gate.ShouldAnalyse(frame, At(i * 0.1)), $"moving frame {i} was gated ({gate.LastChangedCells} of {gate.MinimumChangedCells} cells needed)");
        }
    }

    [Fact]
    public void A_Car_Moving_Only_Outside_The_Zone_Does_Not_Pass_But_Would_With_The_Whole_Frame()
    {
        var zoned = new MotionGate(LowerLot, new MotionOptions());
        var whole = new MotionGate(DetectionZone.WholeFrame, new MotionOptions());
        zoned.ShouldAnalyse(Scene.Frame(), At(0));
        whole.ShouldAnalyse(Scene.Frame(), At(0));

        // The same car on the street in the upper 40 % of the picture (rows 50–250 of 720).
        for (var i = 1; i <= 10; i++)
        {
            var frame = Scene.Frame(noise: 3, seed: i, cars: (100 + (i * 40), 50, 400, 200));
            Assert.False(zoned.ShouldAnalyse(frame, At(i * 0.1)), $"street frame {i} passed the lot's gate ({zoned.LastChangedCells} cells changed)");
            Assert.True(whole.ShouldAnalyse(frame, At(i * 0.1)), $"street frame {i} did not pass a whole-frame gate");
        }
    }

    [Fact]
    public void The_Keep_Alive_Reads_A_Still_Frame_Once_Its_Period_Of_Capture_Time_Has_Passed()
    {
        var gate = new MotionGate(DetectionZone.WholeFrame, new MotionOptions { KeepAliveSeconds = 2 });
        var still = Scene.Frame();
        Assert.True(gate.ShouldAnalyse(still, At(0)));

        Assert.False(gate.ShouldAnalyse(still, At(1)));
        Assert.False(gate.ShouldAnalyse(still, At(1.99)));
        Assert.True(gate.ShouldAnalyse(still, At(2)), "no frame was read 2 s after the last one");

        // The keep-alive counts from the frame it let through, not from the first.
        Assert.False(gate.ShouldAnalyse(still, At(3.5)));
        Assert.True(gate.ShouldAnalyse(still, At(4.2)));
    }

    [Fact]
    public void A_Change_Below_The_Changed_Fraction_Is_Gated_And_One_Above_Passes()
    {
        var gate = new MotionGate(DetectionZone.WholeFrame, new MotionOptions());
        gate.ShouldAnalyse(Scene.Frame(), At(0));

        // 48×48 px is 36 cells, half the 72 (0.5 % of 14,400) that count; 96×96 px is 144.
        Assert.Equal(72, gate.MinimumChangedCells);
        Assert.False(gate.ShouldAnalyse(Scene.Frame(cars: (600, 400, 48, 48)), At(0.1)), $"{gate.LastChangedCells} changed cells passed");
        Assert.True(gate.ShouldAnalyse(Scene.Frame(cars: (600, 400, 96, 96)), At(0.2)), $"{gate.LastChangedCells} changed cells were gated");
    }

    [Fact]
    public void Slow_Creep_Adds_Up_Against_The_Last_Frame_Read_Until_It_Passes()
    {
        // No keep-alive within the test: only motion may let a frame through.
        var gate = new MotionGate(DetectionZone.WholeFrame, new MotionOptions { KeepAliveSeconds = 3600 });
        gate.ShouldAnalyse(Scene.Frame(cars: (200, 100, 300, 480)), At(0));

        // A tall car creeping 2 px per frame: frame to frame it crosses at most one column of 60
        // cells (fewer than the 72 needed), but against the last frame read the columns add up.
        var passed = new List<int>();
        for (var i = 1; i <= 16; i++)
        {
            if (gate.ShouldAnalyse(Scene.Frame(cars: (200 + (2 * i), 100, 300, 480)), At(i * 0.1)))
            {
                passed.Add(i);
            }
        }

        Assert.DoesNotContain(1, passed);
        Assert.NotEmpty(passed);
    }

    [Fact]
    public void A_Resolution_Change_Is_Read_At_Once_And_Then_Gated_At_The_New_Size()
    {
        var gate = new MotionGate(DetectionZone.WholeFrame, new MotionOptions());
        var small = new SyntheticScene(640, 360);
        Assert.True(gate.ShouldAnalyse(Scene.Frame(), At(0)));
        Assert.False(gate.ShouldAnalyse(Scene.Frame(), At(0.1)));
        Assert.Equal(160 * 90, gate.ZoneCells);

        Assert.True(gate.ShouldAnalyse(small.Frame(), At(0.2)), "the first frame at a new resolution must be read");
        Assert.Equal(80 * 45, gate.ZoneCells);
        Assert.False(gate.ShouldAnalyse(small.Frame(), At(0.3)));
        Assert.True(gate.ShouldAnalyse(small.Frame(cars: (100, 100, 200, 100)), At(0.4)));

        Assert.True(gate.ShouldAnalyse(Scene.Frame(), At(0.5)), "back at 720p the old reference must not be reused");
        Assert.Equal(160 * 90, gate.ZoneCells);
    }

    [Fact]
    public void Only_The_Cells_Inside_The_Zone_Are_Sampled()
    {
        var gate = new MotionGate(LowerLot, new MotionOptions());
        gate.ShouldAnalyse(Scene.Frame(), At(0));

        // Rows of cells whose centre (8 k + 4.5) / 720 lies at or below 0.4: rows 36 to 89 of 90.
        Assert.Equal(160 * 54, gate.ZoneCells);
    }

    [Fact]
    public void A_Zone_Too_Small_To_Hold_A_Cell_Reads_Every_Frame_Rather_Than_Miss_A_Plate()
    {
        var sliver = DetectionZone.From(new ZoneOptions { Rectangle = new RectangleOptions { X = 0.5, Width = 0.001 } });
        var gate = new MotionGate(sliver, new MotionOptions());
        var still = Scene.Frame();

        Assert.True(gate.ShouldAnalyse(still, At(0)));
        Assert.Equal(0, gate.ZoneCells);
        Assert.True(gate.ShouldAnalyse(still, At(0.1)));
    }

    [Fact]
    public void The_Gate_Allocates_Nothing_Per_Frame_Once_Warm()
    {
        var gate = new MotionGate(LowerLot, new MotionOptions());
        BgrImage[] frames = [Scene.Frame(noise: 4, seed: 1), Scene.Frame(noise: 4, seed: 2), Scene.Frame(noise: 4, seed: 3, cars: (300, 450, 400, 200))];
        for (var i = 0; i < 3; i++)
        {
            gate.ShouldAnalyse(frames[i], At(i * 0.1));
        }

        const int Measured = 60;
        var read = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Measured; i++)
        {
            read += gate.ShouldAnalyse(frames[i % 3], At(1 + (i * 0.1))) ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Both outcomes were measured: the car appears and leaves (read), the noise alone does not (gated).
        Assert.InRange(read, 1, Measured - 1);
        Assert.True(allocated == 0, $"the warm gate allocated {allocated} bytes over {Measured} frames; expected 0");
    }
}
