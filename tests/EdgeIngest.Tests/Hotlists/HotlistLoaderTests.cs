using EdgeIngest.Hotlists;

namespace EdgeIngest.Tests.Hotlists;

public sealed class HotlistLoaderTests
{
    [Fact]
    public void Plates_Reasons_And_Priorities_Are_Read_With_Quoted_Commas()
    {
        var hotlist = HotlistLoader.Parse(
            ["plate,reason,priority", "abc-123,\"Stolen vehicle, armed\",critical", "# comment", "", "XYZ9,Amber alert"], "test.csv");

        Assert.Equal(2, hotlist.Count);
        var entry = hotlist.Match("ABC123", DateTimeOffset.UnixEpoch)?.Entry;
        Assert.NotNull(entry);
        Assert.Equal("Stolen vehicle, armed", entry.Reason);
        Assert.Equal(HotlistPriority.Critical, entry.Priority);
        Assert.Equal(HotlistPriority.High, hotlist.Match("XYZ9", DateTimeOffset.UnixEpoch)?.Entry.Priority);
    }

    [Theory]
    [InlineData("ABC123", "expected 2 or 3 fields")]
    [InlineData("ABC123,Stolen,urgent", "priority 'urgent'")]
    [InlineData("ABC123,Stolen,2", "priority '2'")]
    [InlineData("-,Stolen,high", "plate '-'")]
    [InlineData("ABC123,,high", "has no reason")]
    [InlineData("ABC123,\"Stolen,high", "quoted field is not closed")]
    public void A_Bad_Line_Is_Named_By_File_And_Line_Number(string line, string expected)
    {
        var e = Assert.Throws<HotlistFormatException>(() => HotlistLoader.Parse(["plate,reason,priority", "GOOD1,ok,low", line], "agency.csv"));
        Assert.Contains("agency.csv:3: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Missing_File_Is_Named()
    {
        var e = Assert.Throws<HotlistFormatException>(() => HotlistLoader.Load("/nonexistent/hotlist.csv"));
        Assert.Contains("/nonexistent/hotlist.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Look_Alike_Listings_Are_Both_Kept_And_An_Exact_Read_Hits_Its_Own()
    {
        // Both listings stay (they are different plates); a read of one is an exact match on it,
        // which outranks the more urgent look-alike. A read of neither ties them: priority wins.
        var hotlist = HotlistLoader.Parse(["AB0123,Unpaid tolls,low", "ABO123,Stolen,critical"], "x.csv");
        Assert.Equal(2, hotlist.Count);
        Assert.Equal("Unpaid tolls", hotlist.Match("AB0123", DateTimeOffset.UnixEpoch)?.Entry.Reason);
        Assert.Equal("Stolen", hotlist.Match("ABO123", DateTimeOffset.UnixEpoch)?.Entry.Reason);
        Assert.Equal("Stolen", hotlist.Match("ABQ123", DateTimeOffset.UnixEpoch)?.Entry.Reason);
    }
}
