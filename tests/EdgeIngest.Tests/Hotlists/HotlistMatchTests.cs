using EdgeIngest.Hotlists;

namespace EdgeIngest.Tests.Hotlists;

/// <summary>Exact matches, the ranking between kinds, expiry and the tracker's alternative readings.</summary>
public sealed class HotlistMatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Hotlist List = new([new HotlistEntry("7ABC123", "Stolen", HotlistPriority.High)]);

    [Theory]
    [InlineData("7ABC123")]
    [InlineData("7abc123")]
    [InlineData("7-ABC 123")]
    public void A_Read_Matches_Exactly_Despite_Case_And_Separators(string read)
    {
        var match = List.Match(read, Now);
        Assert.Equal((MatchKind.Exact, 0, "7ABC123"), (match?.Kind, match?.Distance, match?.Entry.Plate));
        Assert.Same(read, match?.MatchedReading);
        Assert.False(match?.ConfirmBeforeActing);
    }

    [Theory]
    [InlineData("7ABC124")] // 4 for 3: not look-alikes
    [InlineData("7ABC173")] // 7 for 2
    [InlineData("74BC123")] // 4 for A: deliberately not a class
    [InlineData("7ABC1")] // two characters missing
    [InlineData("XX7ABC123")] // two extra
    [InlineData("")]
    [InlineData("--")]
    public void A_Different_Plate_Does_Not_Match(string read) => Assert.Null(List.Match(read, Now));

    [Fact]
    public void The_Span_Overload_Matches_Like_The_String_One_And_Names_The_Reading()
    {
        var match = List.Match("7a8c-123".AsSpan(), Now);
        Assert.Equal((MatchKind.LookAlike, 1, "7a8c-123"), (match?.Kind, match?.Distance, match?.MatchedReading));
    }

    [Fact]
    public void An_Exact_Match_Beats_A_More_Urgent_Look_Alike()
    {
        var list = new Hotlist([new HotlistEntry("7A8C123", "Tolls", HotlistPriority.Low), new HotlistEntry("7ABC123", "Stolen", HotlistPriority.Critical)]);
        Assert.Equal(("Tolls", MatchKind.Exact), (list.Match("7A8C123", Now)?.Entry.Reason, list.Match("7A8C123", Now)?.Kind));
    }

    [Fact]
    public void The_Nearer_Look_Alike_Beats_A_More_Urgent_Farther_One()
    {
        // Read 7A8O123: two look-alike swaps from 7AB0123, one extra character from 7A8O12.
        var list = new Hotlist([new HotlistEntry("7AB0123", "Far", HotlistPriority.Critical), new HotlistEntry("7A8O12", "Near", HotlistPriority.Low)]);
        var match = list.Match("7A8O123", Now);
        Assert.Equal(("Near", MatchKind.LookAlike, 1), (match?.Entry.Reason, match?.Kind, match?.Distance));
    }

    [Fact]
    public void Between_Equally_Near_Look_Alikes_The_Higher_Priority_Wins()
    {
        var list = new Hotlist([new HotlistEntry("7AB0123", "Tolls", HotlistPriority.Low), new HotlistEntry("7ABD123", "Amber", HotlistPriority.Critical), new HotlistEntry("7ABQ123", "Bolo", HotlistPriority.Medium)]);
        var match = list.Match("7ABO123", Now);
        Assert.Equal(("Amber", 1), (match?.Entry.Reason, match?.Distance));
    }

    [Fact]
    public void A_Look_Alike_Beats_A_More_Urgent_Wildcard()
    {
        var list = new Hotlist([new HotlistEntry("7AB*", "Partial", HotlistPriority.Critical), new HotlistEntry("7ABC123", "Stolen", HotlistPriority.Low)]);
        Assert.Equal(("Stolen", MatchKind.LookAlike), (list.Match("7ABC12", Now)?.Entry.Reason, list.Match("7ABC12", Now)?.Kind));
        Assert.Equal(("Partial", MatchKind.Wildcard), (list.Match("7ABX999", Now)?.Entry.Reason, list.Match("7ABX999", Now)?.Kind));
    }

    [Fact]
    public void An_Expired_Entry_Stops_Matching_At_Its_Expiry_And_A_Live_Look_Alike_Takes_Over()
    {
        var list = new Hotlist([
            new HotlistEntry("7ABC123", "Expiring", HotlistPriority.Critical) { ExpiresAt = Now },
            new HotlistEntry("7A8C123", "Live", HotlistPriority.Low),
        ]);

        Assert.Equal(("Expiring", MatchKind.Exact), (list.Match("7ABC123", Now.AddSeconds(-1))?.Entry.Reason, list.Match("7ABC123", Now.AddSeconds(-1))?.Kind));
        var after = list.Match("7ABC123", Now);
        Assert.Equal(("Live", MatchKind.LookAlike, 1), (after?.Entry.Reason, after?.Kind, after?.Distance));
        Assert.Null(new Hotlist([new HotlistEntry("*123", "x", HotlistPriority.High) { ExpiresAt = Now }]).Match("ABC123", Now));
    }

    [Fact]
    public void An_Alternative_Reading_Can_Hit_And_Is_Named_As_The_Matched_Reading()
    {
        var match = List.Match(["7ABC124", "7ABC123"], Now);
        Assert.Equal((MatchKind.Exact, "7ABC123"), (match?.Kind, match?.MatchedReading));
        Assert.Null(List.Match(["7ABC124", "KXT4821"], Now));
    }

    [Fact]
    public void The_Voted_Text_Beats_An_Alternative_Of_Equal_Kind_And_Distance_Even_When_Less_Urgent()
    {
        var list = new Hotlist([new HotlistEntry("KXT4821", "Tolls", HotlistPriority.Low), new HotlistEntry("KXT4827", "Amber", HotlistPriority.Critical)]);
        Assert.Equal("Tolls", list.Match(["KXT4821", "KXT4827"], Now)?.Entry.Reason);
    }

    [Fact]
    public void A_Whole_Plate_Match_On_An_Alternative_Beats_A_Wildcard_On_The_Voted_Text()
    {
        var list = new Hotlist([new HotlistEntry("KXT*", "Partial", HotlistPriority.Critical), new HotlistEntry("7ABC123", "Stolen", HotlistPriority.Low)]);
        var match = list.Match(["KXT4821", "7ABC123"], Now);
        Assert.Equal(("Stolen", "7ABC123"), (match?.Entry.Reason, match?.MatchedReading));
    }

    [Fact]
    public void Matching_A_Read_And_Its_Alternatives_Allocates_Nothing()
    {
        var list = new Hotlist([new HotlistEntry("7ABC123", "Stolen", HotlistPriority.High), new HotlistEntry("*999", "Partial", HotlistPriority.High)]);
        string[] readings = ["7ABC124", "7A8C12"];
        list.Match(readings, Now);
        list.Match("KXT4821", Now);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hit = list.Match(readings, Now);
        var miss = list.Match("KXT4821", Now);
        var wildcard = list.Match("ABC999", Now);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((MatchKind.LookAlike, 2), (hit?.Kind, hit?.Distance));
        Assert.Null(miss);
        Assert.Equal(MatchKind.Wildcard, wildcard?.Kind);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void With_Allowed_Categories_The_Best_Allowed_Match_Is_Returned_Even_If_Weaker()
    {
        var list = new Hotlist([
            new HotlistEntry("7ABC123", "Warrant", HotlistPriority.Critical) { Category = HotlistCategories.WantedPerson },
            new HotlistEntry("7A8C123", "Stolen", HotlistPriority.Low) { Category = HotlistCategories.StolenVehicle },
        ]);
        var stolenOnly = new HashSet<string>(StringComparer.Ordinal) { HotlistCategories.StolenVehicle };

        Assert.Equal("Warrant", list.Match(["7ABC123"], Now)?.Entry.Reason);
        var allowed = list.Match(["7ABC123"], Now, stolenOnly);
        Assert.Equal(("Stolen", MatchKind.LookAlike), (allowed?.Entry.Reason, allowed?.Kind));
        Assert.Null(list.Match(["7ABC123"], Now, new HashSet<string>(StringComparer.Ordinal) { HotlistCategories.Bolo }));
    }

    [Theory]
    [InlineData("*1")]
    [InlineData("?")]
    [InlineData("ABCDEFGHJKLMN")]
    [InlineData("--")]
    public void A_Plate_That_Cannot_Be_Listed_Is_Named(string plate)
    {
        Assert.NotNull(Hotlist.ProblemWith(plate));
        var e = Assert.Throws<ArgumentException>(() => new Hotlist([new HotlistEntry("GOOD1", "ok", HotlistPriority.Low), new HotlistEntry(plate, "bad", HotlistPriority.Low)]));
        Assert.Contains($"'{plate}'", e.Message, StringComparison.Ordinal);
    }
}
