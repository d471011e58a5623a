using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Tests.Reads.Regions;

/// <summary>
/// Each shipped region file against plates of that region: a typical plate fits as it is, and a
/// recogniser's look-alike confusion in it is corrected to the plate.
/// </summary>
public sealed class RegionLayoutExamplesTests
{
    private static PlateLayouts Region(string code) => PlateRegions.Load(PlateRegions.DefaultDirectory, [code]);

    [Theory]
    [InlineData("br", "ABC1234")] // old series
    [InlineData("br", "BRA2E19")] // Mercosur
    [InlineData("uk", "AB12CDE")]
    [InlineData("uk", "A123BCD")] // prefix
    [InlineData("fr", "AB123CD")]
    [InlineData("it", "AB123CD")]
    [InlineData("es", "1234BCD")]
    [InlineData("de", "BAB1234")]
    [InlineData("nl", "12ABC3")]
    [InlineData("pl", "WA12345")]
    [InlineData("ro", "B123ABC")] // Bucharest
    [InlineData("ro", "CJ12ABC")] // a county
    [InlineData("at", "W123AB")]
    [InlineData("be", "1ABC123")]
    [InlineData("bg", "CA1234AB")]
    [InlineData("cz", "1A23456")]
    [InlineData("dk", "AB12345")]
    [InlineData("ee", "123ABC")]
    [InlineData("fi", "ABC123")]
    [InlineData("gr", "ABC1234")]
    [InlineData("hr", "ZG123AB")]
    [InlineData("hu", "AABC123")]
    [InlineData("ie", "12D1234")]
    [InlineData("lt", "ABC123")]
    [InlineData("lv", "AB1234")]
    [InlineData("pt", "AB12CD")]
    [InlineData("se", "ABC12D")]
    [InlineData("sk", "BA123AB")]
    [InlineData("ca", "ABCD123")] // Ontario
    [InlineData("ca", "ABC1234")] // Alberta
    [InlineData("au", "AB12CD")] // New South Wales
    [InlineData("au", "1AB2CD")] // Victoria
    [InlineData("in", "MH12AB1234")]
    [InlineData("in", "KA05M1234")]
    [InlineData("us", "7ABC123")] // California
    [InlineData("us", "ABC1234")]
    public void A_Typical_Plate_Of_The_Region_Fits_Its_Layouts_As_It_Is(string region, string plate)
    {
        var layouts = Region(region);
        var read = plate.ToCharArray();

        Assert.True(layouts.Fits(plate), $"{plate} fits no layout of {region}");
        Assert.True(layouts.Correct(read));
        Assert.Equal(plate, new string(read));
    }

    [Theory]
    [InlineData("br", "ABCI234", "ABC1234")] // I in a digit position
    [InlineData("br", "8RA2E19", "BRA2E19")] // 8 in a letter position
    [InlineData("uk", "AB12CD5", "AB12CDS")] // 5 in a letter position
    [InlineData("uk", "ABI2CDE", "AB12CDE")]
    [InlineData("fr", "AB1Z3CD", "AB123CD")]
    [InlineData("es", "1Z34BCD", "1234BCD")]
    [InlineData("ro", "B1Z3ABC", "B123ABC")]
    [InlineData("ro", "B7958Z", "B79SBZ")] // two confusions, from the validation set
    [InlineData("ca", "ABCDI23", "ABCD123")]
    [InlineData("au", "AB1ZCD", "AB12CD")]
    [InlineData("in", "MHI2AB1234", "MH12AB1234")]
    [InlineData("in", "MH12A81234", "MH12AB1234")]
    [InlineData("us", "7A8C123", "7ABC123")]
    [InlineData("us", "ABC12O4", "ABC1204")]
    public void A_Look_Alike_Confusion_In_A_Plate_Of_The_Region_Is_Corrected(string region, string read, string plate)
    {
        var text = read.ToCharArray();

        Assert.True(Region(region).Correct(text), $"{read} does not fit a layout of {region} even corrected");
        Assert.Equal(plate, new string(text));
    }

    [Theory]
    [InlineData("uk", "ABC1D23")] // a Mercosur plate read in the UK
    [InlineData("br", "AB12CDE")] // a UK plate read in Brazil
    [InlineData("us", "NEILDMND")] // vanity
    public void A_Plate_Of_Another_Region_Fits_No_Layout_And_Is_Left_As_Read(string region, string read)
    {
        var text = read.ToCharArray();

        Assert.False(Region(region).Correct(text));
        Assert.Equal(read, new string(text));
    }
}
