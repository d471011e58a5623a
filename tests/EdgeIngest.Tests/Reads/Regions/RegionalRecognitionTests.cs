using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads.Regions;

/// <summary>The real recogniser, configured for a region, on plates rendered in that region's layouts.</summary>
public sealed class RegionalRecognitionTests
{
    private static IReadOnlyList<PlateRead> Recognize(string region, string drawn, float? minLookAlike = null)
    {
        var image = RenderedPlate.Render(drawn, 1280, 720, 600, 400);
        var options = new PlateRecognizerOptions { Regions = [region] };
        using var recognizer = PaddleOcrPlateRecognizer.Create(minLookAlike is { } min ? options with { MinLookAlikeProbability = min } : options);
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
        // recogniser's read is reported as it is. The O is drawn clearly, so the recogniser is sure
        // of it: only a recogniser told to correct whatever it is sure of changes it.
        var asRead = Assert.Single(Recognize("any", "ABC12O4", minLookAlike: 0)).Text;
        var inBrazil = Assert.Single(Recognize("br", "ABC12O4", minLookAlike: 0)).Text;

        Assert.Equal("ABC12O4", asRead);
        Assert.Equal("ABC1204", inBrazil);
    }

    [Fact]
    public void A_Letter_O_The_Recogniser_Is_Sure_Of_Is_Kept_Even_In_A_Digit_Position()
    {
        // By default only characters the recogniser was unsure of change: a clear O stays an O,
        // and the read, fitting no Brazilian layout as it is, is reported as read.
        Assert.Equal("ABC12O4", Assert.Single(Recognize("br", "ABC12O4")).Text);
    }
}
