using EdgeIngest.Hits;

namespace EdgeIngest.Tests.Hits;

public sealed class PassFilterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Repeated_Sightings_Within_The_Window_Are_One_Pass()
    {
        var filter = new PassFilter(TimeSpan.FromSeconds(30));
        Assert.True(filter.IsNewPass("cam", "ABC", T0));
        Assert.False(filter.IsNewPass("cam", "ABC", T0.AddSeconds(20)));
        Assert.False(filter.IsNewPass("cam", "ABC", T0.AddSeconds(45))); // the window slides with each sighting
        Assert.True(filter.IsNewPass("cam", "ABC", T0.AddSeconds(80)));
    }

    [Fact]
    public void Another_Camera_Or_Plate_Is_Another_Pass()
    {
        var filter = new PassFilter(TimeSpan.FromSeconds(30));
        Assert.True(filter.IsNewPass("cam1", "ABC", T0));
        Assert.True(filter.IsNewPass("cam2", "ABC", T0));
        Assert.True(filter.IsNewPass("cam1", "XYZ", T0));
    }

    [Fact]
    public void Reads_That_Differ_Only_By_Look_Alikes_Or_Separators_Are_One_Pass()
    {
        var filter = new PassFilter(TimeSpan.FromSeconds(30));
        Assert.True(filter.IsNewPass("cam", "7ABC123", T0));
        Assert.False(filter.IsNewPass("cam", "7A8C-123", T0.AddSeconds(1)));
    }

    [Fact]
    public void A_Pass_Runs_On_From_The_Last_Sighting_Of_A_Tracked_Vehicle()
    {
        var filter = new PassFilter(TimeSpan.FromSeconds(30));
        Assert.True(filter.IsNewPass("cam", "7ABC123", T0)); // the track's report
        filter.Extend("cam", "7ABC123", T0.AddSeconds(25)); // its vehicle last seen, parked

        Assert.False(filter.IsNewPass("cam", "7A8C123", T0.AddSeconds(50))); // picked up again as a new track
    }

    [Fact]
    public void A_Report_Older_Than_The_Last_Sighting_Does_Not_Move_The_Pass_Back()
    {
        var filter = new PassFilter(TimeSpan.FromSeconds(30));
        filter.Extend("cam", "7ABC123", T0.AddSeconds(20));
        Assert.False(filter.IsNewPass("cam", "7ABC123", T0.AddSeconds(1)));

        Assert.False(filter.IsNewPass("cam", "7ABC123", T0.AddSeconds(45)));
    }

    [Fact]
    public void Repeated_Sightings_Of_A_Plate_Allocate_Nothing()
    {
        var filter = new PassFilter(TimeSpan.FromSeconds(30));
        filter.IsNewPass("cam", "7ABC123", T0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i <= 100; i++)
        {
            filter.IsNewPass("cam", "7ABC123", T0.AddMilliseconds(200 * i));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
