using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads.Regions;

/// <summary>The real recogniser, configured for a region, on plates rendered in that region's layouts.</summary>
public sealed class RegionalRecognitionTests
{
    private static IReadOnlyList<PlateRead> Recognize(string region, string drawn)
    {
        var image = RenderedPlate.Render(drawn, 1280, 720, 600, 400);
        using var recognizer = PaddleOcrPlateRecognizer.Create(new PlateRecognizerOptions { Regions = [region] });
        return recognizer.Recognize(image);
    }

    [Theory]
    [InlineData("br", "BRA2E19")]
    [InlineData("uk", "AB12CDE")]
    [InlineData("ro", "B123ABC")]
    [InlineData("ca", "ABCD123")]
    [InlineData("au", "1AB2CD")]
    [InlineData("in", "MH12AB1234")]
    [InlineData("us", "7ABC123")]
    public void A_Plate_Rendered_In_The_Regions_Layout_Is_Read_As_Drawn(string region, string plate)
    {
        var reads = Recognize(region, plate);

        Assert.Equal(plate, Assert.Single(reads).Text);
    }

    [Fact]
    public void An_Indian_Plate_Longer_Than_The_Generic_Rules_Allow_Is_Read_Only_With_The_Indian_Region()
    {
        // Ten characters: past the generic rules' eight, so without India's layouts it is no plate.
        Assert.Empty(Recognize("us", "MH12AB1234"));
        Assert.Equal("MH12AB1234", Assert.Single(Recognize("in", "MH12AB1234")).Text);
    }

    [Fact]
    public void A_Letter_O_Drawn_In_A_Digit_Position_Is_Read_As_Zero_Only_Where_The_Layout_Says_So()
    {
        // Brazil's old series (LLL9999) has a digit in the sixth position; without a region the
        // recogniser's read is reported as it is.
        var asRead = Assert.Single(Recognize("any", "ABC12O4")).Text;
        var inBrazil = Assert.Single(Recognize("br", "ABC12O4")).Text;

        Assert.Equal("ABC12O4", asRead);
        Assert.Equal("ABC1204", inBrazil);
    }
}
