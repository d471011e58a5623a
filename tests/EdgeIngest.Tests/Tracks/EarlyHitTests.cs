using EdgeIngest.Tracks;
using static EdgeIngest.Tests.Tracks.TrackScene;

namespace EdgeIngest.Tests.Tracks;

/// <summary>
/// A hit goes out as soon as its track's vote is settled (three reads in a row reading exactly
/// the vote, or one read at 0.98 or more), not at the end of the 1.5 s vote window; the window's
/// final vote then confirms it silently or corrects it once.
/// </summary>
public sealed class EarlyHitTests
{
    [Fact]
    public void Three_Agreeing_Reads_Send_A_Hit_Before_The_Window_And_No_Report_Follows()
    {
        var scene = new TrackScene();
        scene.Sink.HitPlates.Add("6MWF778");
        scene.Frame(0.0, Read("6MWF778", 0.8f, 100));
        scene.Frame(0.1, Read("6MWF778", 0.8f, 130));
        Assert.Empty(scene.Sink.Offered);

        scene.Frame(0.2, Read("6MWF778", 0.8f, 160));
        Assert.Equal([("6MWF778", true)], scene.Sink.Offered);

        for (var t = 0.3; t < 2.5; t += 0.1)
        {
            scene.Frame(t, Read("6MWF778", 0.8f, 160 + (int)(100 * t)));
        }

        scene.Frame(3.5);
        Assert.Empty(scene.Reports);
        Assert.Empty(scene.Sink.Revisions);
        Assert.Equal([("6MWF778", At(2.4))], scene.Sink.Ended.Select(e => (e.Text, e.LastSeenAtUtc)).Select(e => (e.Text, RoundToTenth(e.LastSeenAtUtc))));
    }

    [Fact]
    public void One_Very_Sure_Read_Settles_The_Vote_Alone_But_A_Plate_Off_The_Hotlist_Waits_For_The_Window()
    {
        var scene = new TrackScene();
        scene.Sink.HitPlates.Add("6MWF778");
        scene.Frame(0.0, Read("6MWF778", 0.99f, 100), Read("KXT4821", 0.99f, 1200));

        Assert.Equal([("6MWF778", true), ("KXT4821", false)], scene.Sink.Offered.Order());
        scene.Frame(1.6, Read("KXT4821", 0.99f, 1250));
        Assert.Equal(["KXT4821"], scene.Reports.Select(r => r.Read.Text));
    }

    [Fact]
    public void A_Final_Vote_That_Disagrees_With_The_Early_Hit_Is_Sent_Once_As_A_Correction_Of_It()
    {
        var scene = new TrackScene();
        scene.Sink.HitPlates.Add("6MWE778");
        scene.Frame(0.0, Read("6MWE778", 0.985f, 100)); // settled and sent on one sure (but wrong) read
        scene.Frame(0.2, Read("6MWF778", 0.9f, 130));
        scene.Frame(0.4, Read("6MWF778", 0.9f, 160));
        scene.Frame(0.6, Read("6MWF778", 0.9f, 190));
        scene.Frame(1.0, Read("6MWF778", 0.9f, 220));
        scene.Frame(1.6, Read("6MWF778", 0.9f, 250)); // the window has passed: the final vote is 6MWF778
        scene.Frame(1.8, Read("6MWF778", 0.9f, 280));
        scene.Frame(3.0);

        Assert.Equal([("6MWE778", true)], scene.Sink.Offered);
        Assert.Empty(scene.Reports);
        Assert.Equal([("6MWF778", "6MWE778", (string?)"early-1", true)], scene.Sink.Revisions);
    }

    [Fact]
    public void A_Vehicle_That_Leaves_Before_Its_Window_Ends_Has_Its_Early_Hit_Checked_Against_Its_Last_Vote()
    {
        var scene = new TrackScene();
        scene.Sink.HitPlates.Add("6MWE778");
        scene.Frame(0.0, Read("6MWE778", 0.985f, 100));
        scene.Frame(0.1, Read("6MWF778", 0.9f, 130));
        scene.Frame(0.2, Read("6MWF778", 0.9f, 160));
        scene.Frame(1.0); // gone after 0.8 s, before the 1.5 s window

        Assert.Equal([("6MWF778", "6MWE778", (string?)"early-1", true)], scene.Sink.Revisions);
        Assert.Equal(["6MWE778"], scene.Sink.Ended.Select(e => e.Text));
    }

    private static DateTimeOffset RoundToTenth(DateTimeOffset at) => T0.AddSeconds(Math.Round((at - T0).TotalSeconds, 1));
}
