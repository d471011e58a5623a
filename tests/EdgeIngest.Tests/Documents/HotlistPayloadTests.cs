using System.Text;
using EdgeIngest.Hotlists;

namespace EdgeIngest.Tests.Documents;

public sealed class HotlistPayloadTests
{
    private const string Full = """{"schema":"edgeingest.hotlist/2","version":12,"issued_at":"2026-11-20T12:00:00Z","entries":[{"plate":"7abc 123","category":"stolen_vehicle","reason":"Stolen","priority":"critical","region":"CA","expires_at":"2026-12-31T00:00:00Z","covert":true},{"plate":"*123","category":"bolo","reason":"Partial"}]}""";

    [Fact]
    public void A_Full_List_Is_Read_With_Every_Field_And_Written_Back_The_Same()
    {
        var list = HotlistPayload.ReadFull(Encoding.UTF8.GetBytes(Full), "list.json");

        Assert.Equal(12, list.Version);
        Assert.Equal(
            new HotlistEntry("7ABC123", "Stolen", HotlistPriority.Critical)
            {
                Category = "stolen_vehicle", Region = "CA", ExpiresAt = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), Covert = true,
            },
            list.Entries[0]);
        Assert.Equal(new HotlistEntry("*123", "Partial", HotlistPriority.High) { Category = "bolo" }, list.Entries[1]);
        var again = HotlistPayload.ReadFull(HotlistPayloadWriter.Full(list.Version, list.IssuedAt, list.Entries), "written");
        Assert.Equal(list.Entries, again.Entries);
    }

    [Theory]
    [InlineData("\"category\":\"bolo\"", "\"category\":\"parking\"", "entries[1]: category 'parking' of plate *123")]
    [InlineData("\"category\":\"bolo\",", "", "entries[1].category: missing")]
    [InlineData("\"covert\":true", "\"covert\":\"yes\"", "entries[0].covert: \"yes\" — expected true or false")]
    [InlineData("\"region\":\"CA\"", "\"regoin\":\"CA\"", "entries[0].regoin: unknown field")]
    [InlineData("\"expires_at\":\"2026-12-31T00:00:00Z\"", "\"expires_at\":\"soon\"", "entries[0]: expires_at 'soon' of plate 7ABC123")]
    [InlineData("\"version\":12", "\"version\":\"12\"", "version: '\"12\"' — expected a whole number above 0")]
    [InlineData("\"issued_at\":\"2026-11-20T12:00:00Z\"", "\"issued_at\":\"2026-11-20 12:00\"", "issued_at: '\"2026-11-20 12:00\"' — expected an ISO 8601 time with offset")]
    [InlineData("edgeingest.hotlist/2", "edgeingest.hotlist/1", "schema: 'edgeingest.hotlist/1' — expected 'edgeingest.hotlist/2'")]
    public void Each_Mistake_Names_The_Field_And_The_Entry_Index(string good, string bad, string expected)
    {
        var e = Assert.Throws<HotlistFormatException>(() => HotlistPayload.ReadFull(Encoding.UTF8.GetBytes(Full.Replace(good, bad, StringComparison.Ordinal)), "list.json"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Delta_Must_Be_Newer_Than_Its_Base_And_Names_A_Bad_Removal()
    {
        const string delta = """{"schema":"edgeingest.hotlist-delta/1","version":5,"base_version":5,"issued_at":"2026-11-20T12:00:00Z","upserts":[],"removals":["AB!1"]}""";

        var e = Assert.Throws<HotlistFormatException>(() => HotlistPayload.ReadDelta(Encoding.UTF8.GetBytes(delta), "delta.json"));

        Assert.Contains("version: 5 — a delta must be newer than its base_version 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("removals[0]: plate 'AB!1' — '!' is not a letter or digit", e.Message, StringComparison.Ordinal);
    }
}
