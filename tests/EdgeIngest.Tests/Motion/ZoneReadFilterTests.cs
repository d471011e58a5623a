using EdgeIngest.Motion;
using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Motion;

public sealed class ZoneReadFilterTests
{
    private static readonly PlateRead InTheLot = new("7ABC123", 0.9f, new PlateBox(600, 500, 160, 40));
    private static readonly PlateRead OnTheStreet = new("KXT4821", 0.9f, new PlateBox(600, 100, 160, 40));

    // Straddles the zone's edge (y 0.4 = row 288): its centre, row 290, is inside.
    private static readonly PlateRead OnTheEdge = new("8GHJ552", 0.9f, new PlateBox(100, 270, 160, 40));

    [Fact]
    public void Reads_Whose_Box_Centre_Lies_Outside_The_Zone_Are_Dropped()
    {
        var filter = new ZoneReadFilter(DetectionZone.From(new ZoneOptions { Rectangle = new RectangleOptions { Y = 0.4, Height = 0.6 } }));

        var kept = filter.Keep([InTheLot, OnTheStreet, OnTheEdge], 1280, 720);

        Assert.Equal(["7ABC123", "8GHJ552"], kept.Select(r => r.Text));
        Assert.Empty(filter.Keep([OnTheStreet], 1280, 720));
    }

    [Fact]
    public void The_Whole_Frame_Keeps_Every_Read_Without_Copying()
    {
        var reads = new List<PlateRead> { InTheLot, OnTheStreet };

        Assert.Same(reads, new ZoneReadFilter(DetectionZone.WholeFrame).Keep(reads, 1280, 720));
    }
}
