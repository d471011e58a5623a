using EdgeIngest.Reads;
using EdgeIngest.Tracks;
using static EdgeIngest.Tests.Tracks.TrackScene;

namespace EdgeIngest.Tests.Tracks;

/// <summary>
/// The tracker with its defaults (gap 0.7 s, vote window 1.5 s, confidence floor 0.6) on
/// made-up frames: which reads become one vehicle, what it reports, when, and with which frame.
/// </summary>
public sealed class PlateTrackerTests
{
    [Fact]
    public void Reads_Of_One_Car_Across_Frames_Become_One_Report_Of_The_Voted_Text()
    {
        var scene = new TrackScene();
        scene.Frame(0.0, Read("GMWF778", 0.7f, 100)); // the first read is a misread
        scene.Frame(0.2, Read("6MWF778", 0.9f, 160));
        scene.Frame(0.4, Read("6MWF77", 0.8f, 220)); // a character missed
        scene.Frame(0.6, Read("6MWF778", 0.85f, 280));
        scene.Frame(1.0);
        scene.Frame(1.4);

        var report = Assert.Single(scene.Reports).Read;
        Assert.Equal(("gate", "6MWF778", 4), (report.CameraId, report.Text, report.Reads));
        Assert.Equal([("6MWF778", At(0.6))], scene.Sink.Ended);
        Assert.Equal(0, scene.Tracker.OpenTracks);
    }

    [Fact]
    public void Two_Cars_With_Similar_Plates_In_View_Together_Are_Kept_Apart_By_Position()
    {
        var scene = new TrackScene();
        for (var k = 0; k <= 5; k++)
        {
            // Moving towards each other; each has a misread that is one edit from the other's plate.
            scene.Frame(0.2 * k, Read(k == 1 ? "7ABC124" : "7ABC123", 0.8f, 100 + (40 * k)), Read(k == 2 ? "7ABC123" : "7ABC124", 0.8f, 900 - (40 * k)));
        }

        scene.Frame(1.8);

        Assert.Equal(2, scene.Reports.Count);
        var left = Assert.Single(scene.Reports, r => r.Read.Box.X < 640).Read;
        var right = Assert.Single(scene.Reports, r => r.Read.Box.X > 640).Read;
        Assert.Equal(("7ABC123", 6), (left.Text, left.Reads));
        Assert.Equal(("7ABC124", 6), (right.Text, right.Reads));
    }

    [Fact]
    public void A_Car_Entering_Where_Another_Just_Was_Is_Kept_Apart_By_Its_Text()
    {
        var scene = new TrackScene();
        for (var k = 0; k <= 4; k++)
        {
            scene.Frame(0.2 * k, Read("KXT4821", 0.9f, 100 + (100 * k)));
        }

        for (var k = 5; k <= 9; k++)
        {
            scene.Frame(0.2 * k, Read("LPR2024", 0.9f, 100 + (100 * (k - 5))));
        }

        scene.Frame(3.0);

        Assert.Equal(["KXT4821", "LPR2024"], scene.Reports.Select(r => r.Read.Text));
        Assert.Equal([5, 5], scene.Reports.Select(r => r.Read.Reads));
    }

    [Fact]
    public void A_Track_Reports_Once_And_Then_Follows_Its_Vehicle_Silently_Until_It_Leaves()
    {
        var scene = new TrackScene();
        for (var t = 0.0; t <= 10.0; t += 0.25)
        {
            scene.Frame(t, Read("3MNO987", 0.9f, 500)); // a car parked in view
        }

        Assert.Single(scene.Reports);
        Assert.Equal(1, scene.Tracker.OpenTracks);
        Assert.Empty(scene.Sink.Ended);

        // Stopped, so passing traffic may hide it for the stopped gap (10 s) before it counts as gone.
        scene.Frame(19.9);
        Assert.Empty(scene.Sink.Ended);
        scene.Frame(20.1);

        Assert.Single(scene.Reports);
        Assert.Equal([("3MNO987", At(10))], scene.Sink.Ended);
    }

    [Fact]
    public void A_Car_That_Has_Left_Is_Reported_Once_Unseen_For_Longer_Than_The_Gap()
    {
        var scene = new TrackScene();
        scene.Frame(0.0, Read("TRK5150", 0.9f, 100));
        scene.Frame(0.2, Read("TRK5150", 0.9f, 150));
        scene.Frame(0.4, Read("TRK5150", 0.9f, 200));
        scene.Frame(0.6);
        scene.Frame(0.8);
        scene.Frame(1.05); // 0.65 s unseen

        Assert.Empty(scene.Reports);

        scene.Frame(1.2); // 0.8 s unseen, before the vote window would have ended

        var report = Assert.Single(scene.Reports).Read;
        Assert.Equal(("TRK5150", 3), (report.Text, report.Reads));
    }

    [Fact]
    public void A_Car_Still_In_View_Is_Reported_Once_Its_Vote_Window_Has_Passed()
    {
        var scene = new TrackScene();
        for (var t = 0.0; t < 1.4; t += 0.25)
        {
            scene.Frame(t, Read("8GHJ552", 0.9f, 100 + (int)(200 * t)));
        }

        Assert.Empty(scene.Reports);

        scene.Frame(1.5, Read("8GHJ552", 0.9f, 400)); // reported as time reaches 1.5 s, before this read joins

        var report = Assert.Single(scene.Reports).Read;
        Assert.Equal(("8GHJ552", 6), (report.Text, report.Reads));
        Assert.Equal(1, scene.Tracker.OpenTracks);
    }

    [Fact]
    public void Advancing_Time_Alone_Reports_A_Due_Track_Before_The_Next_Frame_Is_Read()
    {
        var scene = new TrackScene();
        for (var t = 0.0; t < 1.4; t += 0.25)
        {
            scene.Frame(t, Read("8GHJ552", 0.9f, 300 + (int)(200 * t))); // driving through
        }

        scene.Tracker.Advance(At(1.4), scene.Sink);
        Assert.Empty(scene.Reports);

        scene.Tracker.Advance(At(1.6), scene.Sink);
        Assert.Equal(["8GHJ552"], scene.Reports.Select(r => r.Read.Text));
        Assert.Equal(1, scene.Tracker.OpenTracks);

        scene.Tracker.Advance(At(2.0), scene.Sink); // last seen at 1.25: gone
        Assert.Single(scene.Reports);
        Assert.Equal([("8GHJ552", At(1.25))], scene.Sink.Ended);
    }

    [Fact]
    public void Open_Tracks_Are_Reported_And_Ended_When_Flushed()
    {
        var scene = new TrackScene();
        scene.Frame(0.0, Read("LPR2024", 0.9f, 100), Read("KXT4821", 0.8f, 1000));
        scene.Frame(0.2, Read("LPR2024", 0.9f, 120), Read("KXT4821", 0.8f, 980));

        scene.Tracker.Flush(scene.Sink);
        scene.Tracker.Flush(scene.Sink);

        Assert.Equal(["LPR2024", "KXT4821"], scene.Reports.Select(r => r.Read.Text));
        Assert.Equal([("LPR2024", At(0.2)), ("KXT4821", At(0.2))], scene.Sink.Ended);
        Assert.Equal(0, scene.Tracker.OpenTracks);
    }

    [Fact]
    public void The_Report_Carries_The_Pixels_Box_And_Time_Of_The_Most_Confident_Read_Of_The_Voted_Text()
    {
        var scene = new TrackScene();
        scene.Frame(0.0, Read("GMWF778", 0.95f, 100)); // the most confident read, but outvoted
        scene.Frame(0.2, Read("6MWF778", 0.8f, 140));
        var best = scene.Frame(0.4, Read("6MWF778", 0.9f, 180, y: 410));
        scene.Frame(0.6, Read("6MWF778", 0.85f, 220));

        scene.Tracker.Flush(scene.Sink);

        var (report, pixels) = Assert.Single(scene.Reports);
        Assert.Equal("6MWF778", report.Text);
        Assert.Equal(new PlateBox(180, 410, 200, 50), report.Box);
        Assert.Equal(At(0.4), report.CapturedAtUtc);
        Assert.Equal((Width, Height), (report.Frame.Width, report.Frame.Height));
        Assert.Equal(Width * Height * 3, pixels.Length);
        Assert.All(pixels, b => Assert.Equal(best, b));
    }

    [Fact]
    public void A_Track_Of_One_Doubtful_Read_Ends_Unreported()
    {
        var scene = new TrackScene();
        scene.Frame(0.0, Read("7ABC123", 0.4f, 100));
        scene.Frame(1.0);

        Assert.Empty(scene.Reports);
        Assert.Empty(scene.Sink.Ended);
        Assert.Equal(0, scene.Tracker.OpenTracks);
    }

    [Fact]
    public void A_Track_Below_The_Floor_When_Its_Window_Ends_Reports_As_Soon_As_Its_Vote_Is_Believed()
    {
        var scene = new TrackScene();
        for (var t = 0.0; t <= 1.5; t += 0.25)
        {
            scene.Frame(t, Read("3MNO987", 0.5f, 300));
        }

        scene.Frame(1.75, Read("3MNO987", 0.99f, 300)); // mean confidence of 8 reads: 0.56

        Assert.Empty(scene.Reports);

        scene.Frame(2.0, Read("3MNO987", 0.99f, 300)); // of 9 reads: 0.61

        var report = Assert.Single(scene.Reports).Read;
        Assert.Equal(9, report.Reads);
        Assert.InRange(report.Confidence, 0.6f, 0.62f);
    }

    [Fact]
    public void With_Every_Track_Taken_The_Longest_Unseen_Vehicle_Is_Reported_To_Make_Room()
    {
        var scene = new TrackScene(new TrackerOptions { MaxTracks = 2 });
        scene.Frame(0.0, Read("LPR2024", 0.9f, 0), Read("KXT4821", 0.9f, 1000));
        scene.Frame(0.2, Read("KXT4821", 0.9f, 1000));
        scene.Frame(0.4, Read("KXT4821", 0.9f, 1000), Read("TRK5150", 0.9f, 2000));

        Assert.Equal(["LPR2024"], scene.Reports.Select(r => r.Read.Text));
        Assert.Equal(2, scene.Tracker.OpenTracks);
    }

    [Fact]
    public void Reads_That_Cannot_Vote_Start_No_Track()
    {
        var scene = new TrackScene();
        scene.Frame(0.0, Read("7abc-123", 0.9f, 100), Read("", 0.9f, 600));

        Assert.Equal(0, scene.Tracker.OpenTracks);
    }

    [Fact]
    public void A_Report_Carries_The_Votes_Alternatives_Then_The_Recognisers_Runner_Up_Readings_Best_Supported_First()
    {
        var scene = new TrackScene();
        scene.Frame(0.0, Read("GMWF778", 0.7f, 100) with { Alternatives = ReadAlternatives.Of("6MWF778", "GMWE778") });
        scene.Frame(0.2, Read("6MWF778", 0.9f, 160) with { Alternatives = ReadAlternatives.Of("6MWE778") });
        scene.Frame(0.4, Read("6MWF77", 0.8f, 220) with { Alternatives = ReadAlternatives.Of("6MWF778", "6MWF779") });
        scene.Frame(0.6, Read("6MWF778", 0.85f, 280) with { Alternatives = ReadAlternatives.Of("6MWE778") });
        scene.Frame(1.4);

        // First the vote's (a frame's G; the 6-character read), then the runner-up readings by the
        // confidence of the reads that carried them: 6MWE778 (0.9 + 0.85), not 6MWF778 (1.5: the
        // voted text itself), 6MWF779 (0.8); GMWE778 (0.7) finds the report full at four.
        var report = Assert.Single(scene.Reports).Read;
        Assert.Equal("6MWF778", report.Text);
        Assert.Equal(["GMWF778", "6MWF77", "6MWE778", "6MWF779"], report.Alternatives!);
    }

    [Fact]
    public void Reads_That_Agree_And_Carry_A_Runner_Up_Reading_Report_It_As_The_Only_Alternative()
    {
        var scene = new TrackScene();
        for (var k = 0; k < 4; k++)
        {
            scene.Frame(0.2 * k, Read("XP52HH", 0.9f, 100 + (40 * k)) with { Alternatives = ReadAlternatives.Of("KP52HH") });
        }

        scene.Frame(1.5);

        var report = Assert.Single(scene.Reports).Read;
        Assert.Equal(("XP52HH", 4), (report.Text, report.Reads));
        Assert.Equal(["KP52HH"], report.Alternatives!);
    }
}
