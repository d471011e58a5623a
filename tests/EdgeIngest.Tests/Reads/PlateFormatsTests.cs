using EdgeIngest.Reads;
using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Tests.Reads;

public sealed class PlateFormatsTests
{
    private static readonly PlateLayouts Us = PlateRegions.Load(PlateRegions.DefaultDirectory, ["us"]);

    [Theory]
    [InlineData("7ABC123", PlateFormats.Typical)]
    [InlineData("ABC1234", PlateFormats.Typical)]
    [InlineData("123ABC", PlateFormats.Typical)]
    [InlineData("KT821", PlateFormats.Typical)]
    [InlineData("201404", PlateFormats.Possible)] // all digits: a date stamp more often than a plate
    [InlineData("NEILDMND", PlateFormats.Possible)] // vanity
    [InlineData("AB12", PlateFormats.Possible)] // short
    [InlineData("ABCD12345", PlateFormats.Possible)] // long
    public void Us_Standard_Plates_Are_Typical_And_Unusual_Ones_Only_Possible(string text, int expected) =>
        Assert.Equal(expected, PlateFormats.Fit(text, Us));

    [Theory]
    [InlineData("7ABC123")]
    [InlineData("201404")]
    public void Without_A_Region_Every_Read_Is_Only_Possible(string text) =>
        Assert.Equal(PlateFormats.Possible, PlateFormats.Fit(text, PlateLayouts.None));

    [Fact]
    public void Longest_Us_Standard_Plate_Has_Seven_Characters_And_No_Region_Allows_The_Longest_Plausible_Read()
    {
        var rules = new PlateCandidateRules();

        Assert.Equal(7, PlateFormats.LongestStandard(Us, rules));
        Assert.Equal(rules.MaxLength, PlateFormats.LongestStandard(PlateLayouts.None, rules));
    }
}
