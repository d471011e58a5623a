using EdgeIngest.Reads;
using EdgeIngest.Tracks;
using static EdgeIngest.Tests.Tracks.TrackScene;

namespace EdgeIngest.Tests.Tracks;

/// <summary>
/// A vehicle that stops in view is one track for as long as it stays, whatever its reads say:
/// frames in which nothing moves keep it, passing traffic may hide it, and once parked (5 s) its
/// plate is no longer read until it moves. It is reported once, and once more only for a hit.
/// </summary>
public sealed class StoppedVehicleTests
{
    [Fact]
    public void A_Car_That_Stops_Stays_One_Track_Through_Still_Frames_And_Differing_Reads()
    {
        var scene = new TrackScene();
        // Drives in and stops at x = 500; its small, far plate reads a little differently each time.
        scene.Frame(0.0, Read("4KLM219", 0.8f, 300));
        scene.Frame(0.2, Read("4KLM219", 0.8f, 420));
        scene.Frame(0.4, Read("4KLN219", 0.7f, 500));
        scene.Frame(0.6, Read("4KLM219", 0.8f, 502));
        for (var t = 0.8; t < 12; t += 0.2)
        {
            scene.Still(t); // nothing moves: no frame is read
        }

        // A car passes in front now and then: the frames are read, and so is the parked plate.
        scene.Frame(12.0, Read("4KLM219", 0.75f, 501), Read("TRK5150", 0.9f, 100));
        scene.Frame(12.2, Read("4XLM219", 0.7f, 500), Read("TRK5150", 0.9f, 300));
        scene.Frame(12.4, Read("4KLM218", 0.7f, 499), Read("TRK5150", 0.9f, 700));
        scene.Frame(14.0);

        Assert.Equal(["4KLM219", "TRK5150"], scene.Reports.Select(r => r.Read.Text).Order());
        Assert.DoesNotContain(scene.Sink.Revisions, r => r.Taken);
        Assert.Equal(1, scene.Tracker.OpenTracks); // the parked car, still there
    }

    [Fact]
    public void A_Parked_Plate_Is_Not_Read_Again_While_The_Detector_Still_Sees_It_And_Is_Read_When_It_Moves()
    {
        var scene = new TrackScene();
        for (var t = 0.0; t < 5.0; t += 0.5)
        {
            scene.Frame(t, Read("4KLM219", 0.8f, 500));
        }

        Assert.Empty(scene.Tracker.NotToRead.ToArray());
        scene.Frame(5.5, Read("4KLM219", 0.8f, 500));
        Assert.Equal([new PlateBox(500, 400, 200, 50)], scene.Tracker.NotToRead.ToArray());

        // Hidden now and then by passing cars for up to 9 s, found where it stands otherwise: never read.
        scene.FrameSeeing(6.0, [true]);
        scene.FrameSeeing(15.0, [false], Read("TRK5150", 0.9f, 100));
        scene.FrameSeeing(15.2, [true]);
        Assert.DoesNotContain(scene.Sink.Ended, e => e.Text == "4KLM219");

        // It pulls out: its plate is found 80 px along, read again, and joins its own track.
        scene.FrameSeeing(16.0, [false], Read("4KLM219", 0.8f, 580));
        Assert.Empty(scene.Tracker.NotToRead.ToArray());
        scene.Frame(16.2, Read("4KLM219", 0.8f, 700));
        scene.Frame(17.5);

        Assert.Equal(["4KLM219", "TRK5150"], scene.Reports.Select(r => r.Read.Text).Order());
        Assert.Contains(("4KLM219", At(16.2)), scene.Sink.Ended);
    }

    [Fact]
    public void A_Parked_Car_Unseen_For_Longer_Than_The_Stopped_Gap_Has_Gone()
    {
        var scene = new TrackScene();
        for (var t = 0.0; t <= 6.0; t += 0.5)
        {
            scene.Frame(t, Read("4KLM219", 0.8f, 500));
        }

        scene.FrameSeeing(8.0, [false], Read("TRK5150", 0.9f, 100));
        scene.FrameSeeing(15.9, [false]);
        Assert.DoesNotContain(scene.Sink.Ended, e => e.Text == "4KLM219");

        scene.FrameSeeing(16.1, [false]);
        Assert.Contains(("4KLM219", At(6.0)), scene.Sink.Ended);
    }

    [Fact]
    public void A_Parked_Cars_Vote_Changing_To_A_Hotlist_Plate_Is_Reported_Once_More_And_Only_Then()
    {
        var scene = new TrackScene();
        scene.Sink.HitPlates.Add("4KLM219");
        scene.Frame(0.0, Read("4KLN219", 0.8f, 500));
        scene.Frame(0.5, Read("4KLN219", 0.8f, 500));
        scene.Frame(1.0, Read("4KLN219", 0.7f, 500));
        scene.Frame(1.5, Read("4KLN219", 0.7f, 500)); // window: reported as 4KLN219, not a hit
        scene.Frame(2.0, Read("4KLM218", 0.9f, 500));
        scene.Frame(2.5, Read("4KLM218", 0.9f, 500));
        scene.Frame(3.0, Read("4KLM218", 0.9f, 500));
        scene.Frame(3.5, Read("4KLM218", 0.9f, 500)); // the vote moves to 4KLM218, not a hit: not taken
        scene.Frame(4.0, Read("4KLM219", 0.99f, 500)); // the vote is 4KLM219, a hit: taken
        scene.Frame(4.5, Read("4KLM218", 0.95f, 500)); // moves again: never offered after a taken one

        Assert.Equal(["4KLN219"], scene.Reports.Select(r => r.Read.Text));
        Assert.Equal([("4KLM218", false), ("4KLM219", true)], scene.Sink.Revisions.Select(r => (r.Text, r.Taken)));
        Assert.All(scene.Sink.Revisions, r => Assert.Equal(("4KLN219", (string?)null), (r.ReportedText, r.EarlyEventId)));
    }

    [Fact]
    public void A_Car_That_Drove_Out_Of_A_Now_Still_Scene_Ends_After_The_Gap()
    {
        var scene = new TrackScene();
        scene.Frame(0.0, Read("TRK5150", 0.9f, 100));
        scene.Frame(0.2, Read("TRK5150", 0.9f, 400));
        scene.Frame(0.4); // gone: the frame moved, and shows no plate
        scene.Still(0.6);
        scene.Still(0.8);
        scene.Still(1.0);
        scene.Still(1.2);

        Assert.Equal([("TRK5150", At(0.2))], scene.Sink.Ended);
    }

    [Fact]
    public void A_Part_Of_A_Stopped_Cars_Plate_Left_In_View_By_A_Passing_Car_Joins_Its_Track_Whatever_It_Reads()
    {
        var scene = new TrackScene();
        for (var t = 0.0; t <= 2.0; t += 0.5)
        {
            scene.Frame(t, Read("4KLM219", 0.9f, 500));
        }

        // Only the first four characters show beside the passing car: too far from the vote to be
        // this car by its text, but it stands where the stopped car's plate stands.
        scene.Frame(2.5, new PlateRead("4KLM", 0.9f, new PlateBox(505, 400, 90, 50)), Read("KXT4821", 0.9f, 100, 480));
        scene.Frame(4.5);

        Assert.Equal(["4KLM219", "KXT4821"], scene.Reports.Select(r => r.Read.Text).Order());
    }

    [Theory]
    [InlineData(500, 400, 200, 50, true)] // where it stands
    [InlineData(520, 405, 200, 50, true)] // jittered
    [InlineData(505, 400, 90, 50, true)] // a part of it beside a car passing in front
    [InlineData(400, 380, 420, 100, false)] // a nearer car's bigger plate over it
    [InlineData(640, 400, 200, 50, false)] // moved by most of its width
    public void A_Found_Plate_Stands_On_A_Parked_Plate_When_Mostly_Inside_It_And_Not_Much_Bigger(int x, int y, int width, int height, bool stands) =>
        Assert.Equal(stands, StandingPlate.Stands(new PlateBox(x, y, width, height), new PlateBox(500, 400, 200, 50)));
}
