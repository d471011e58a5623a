using EdgeIngest.Hotlists;

namespace EdgeIngest.Tests.Hotlists;

public sealed class HotlistCsvTests
{
    [Fact]
    public void The_Old_Form_Is_Read_With_Quoted_Commas_And_Category_Unspecified()
    {
        var entries = HotlistCsv.Parse(
            ["plate,reason,priority", "abc-123,\"Stolen vehicle, armed\",critical", "# comment", "", "XYZ9,Amber alert"], "test.csv");

        Assert.Equal(2, entries.Count);
        Assert.Equal(new HotlistEntry("ABC123", "Stolen vehicle, armed", HotlistPriority.Critical), entries[0]);
        Assert.Equal(HotlistPriority.High, entries[1].Priority);
        Assert.Equal(HotlistCategories.Unspecified, entries[1].Category);
    }

    [Fact]
    public void The_New_Header_Reads_Every_Field()
    {
        var entries = HotlistCsv.Parse(
            ["plate,category,reason,priority,region,expires_at,covert", "7ABC123,stolen_vehicle,Stolen,critical,ca,2026-12-31,true", "AB?123,bolo,Partial plate,,,,"], "new.csv");

        Assert.Equal(
            new HotlistEntry("7ABC123", "Stolen", HotlistPriority.Critical)
            {
                Category = HotlistCategories.StolenVehicle,
                Region = "CA",
                ExpiresAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
                Covert = true,
            },
            entries[0]);
        Assert.Equal(new HotlistEntry("AB?123", "Partial plate", HotlistPriority.High) { Category = HotlistCategories.Bolo }, entries[1]);
    }

    [Theory]
    [InlineData("ABC123", "expected 2 or 3 fields")]
    [InlineData("ABC123,Stolen,urgent", "priority 'urgent' of plate ABC123")]
    [InlineData("ABC123,Stolen,2", "priority '2'")]
    [InlineData("-,Stolen,high", "plate '-'")]
    [InlineData("AB_123,Stolen,high", "plate 'AB_123' — '_' is not a letter or digit")]
    [InlineData("ABC123,,high", "has no reason")]
    [InlineData("ABC123,\"Stolen,high", "quoted field is not closed")]
    public void A_Bad_Line_Is_Named_By_File_And_Line_Number(string line, string expected)
    {
        var e = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Parse(["plate,reason,priority", "GOOD1,ok,low", line], "agency.csv"));
        Assert.Contains("agency.csv:3: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7ABC123,stolen,Stolen,high,,,", "agency.csv:2: category 'stolen' of plate 7ABC123 — expected one of amber_alert")]
    [InlineData("7ABC123,bolo,Stolen,high,,next week,", "agency.csv:2: expires_at 'next week' of plate 7ABC123")]
    [InlineData("7ABC123,bolo,Stolen,high,,,perhaps", "agency.csv:2: covert 'perhaps' of plate 7ABC123")]
    [InlineData("7ABC123,bolo,Stolen,high,C A,,", "agency.csv:2: region 'C A' of plate 7ABC123")]
    [InlineData("7ABC123,bolo", "agency.csv:2: expected 3 to 7 fields (plate,category,reason,priority,region,expires_at,covert), found 2")]
    public void A_Bad_Field_In_The_New_Form_Is_Named_With_Its_Line(string line, string expected)
    {
        var e = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Parse(["plate,category,reason,priority,region,expires_at,covert", line], "agency.csv"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Unknown_Header_Column_Is_Named()
    {
        var e = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Parse(["# list", "plate,reason,colour", "ABC123,x,red"], "agency.csv"));
        Assert.Contains("agency.csv:2: unknown column 'colour'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Missing_File_Is_Named()
    {
        var e = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Load("/nonexistent/hotlist.csv"));
        Assert.Contains("/nonexistent/hotlist.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_More_Urgent_Of_Two_Listings_Of_One_Plate_Wins()
    {
        var hotlist = new Hotlist(HotlistCsv.Parse(["AB0123,Unpaid tolls,low", "ABO123,Stolen,critical"], "x.csv"));
        Assert.Equal(1, hotlist.Count);
        Assert.Equal("Stolen", hotlist.Match("AB0123")!.Reason);
    }
}
