using EdgeIngest.Motion;

namespace EdgeIngest.Tests.Motion;

public sealed class DetectionZoneTests
{
    [Fact]
    public void No_Zone_Is_The_Whole_Frame()
    {
        var zone = DetectionZone.From(null);

        Assert.True(zone.IsWholeFrame);
        Assert.True(zone.Contains(0, 0));
        Assert.True(zone.Contains(0.999, 0.999));
        Assert.Equal(1, zone.Area, 9);
    }

    [Fact]
    public void A_Rectangle_Contains_Its_Inside_And_Nothing_Else()
    {
        var zone = DetectionZone.From(new ZoneOptions { Rectangle = new RectangleOptions { X = 0.2, Y = 0.4, Width = 0.5, Height = 0.6 } });

        Assert.False(zone.IsWholeFrame);
        Assert.True(zone.Contains(0.45, 0.7));
        Assert.False(zone.Contains(0.45, 0.3));
        Assert.False(zone.Contains(0.1, 0.7));
        Assert.False(zone.Contains(0.8, 0.7));
        Assert.Equal(0.3, zone.Area, 9);
    }

    [Fact]
    public void A_Concave_Polygon_Leaves_Its_Notch_Out()
    {
        // An L: the bottom strip and the left column; the upper right is the notch.
        var zone = DetectionZone.From(new ZoneOptions { Polygon = [[0, 0], [0.3, 0], [0.3, 0.7], [1, 0.7], [1, 1], [0, 1]] });

        Assert.True(zone.Contains(0.1, 0.1));
        Assert.True(zone.Contains(0.9, 0.9));
        Assert.False(zone.Contains(0.9, 0.2));
        Assert.Equal((0.3 * 0.7) + 0.3, zone.Area, 9);
    }
}
