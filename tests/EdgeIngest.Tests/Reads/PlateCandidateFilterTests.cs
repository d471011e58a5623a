using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

public sealed class PlateCandidateFilterTests
{
    private readonly PlateCandidateFilter filter = new(new PlateCandidateRules());

    [Theory]
    [InlineData("ABC1234", true)]
    [InlineData("7XK4", true)]
    [InlineData("12345678", true)]
    [InlineData("AB1", false)]
    [InlineData("ABC123456", false)]
    [InlineData("CALIFORNIA", false)]
    [InlineData("DEALER", false)]
    public void Text_Is_Plausible_Only_With_A_Plate_Length_And_A_Digit(string text, bool plausible) =>
        Assert.Equal(plausible, filter.IsPlausibleText(text, confidence: 0.8f));

    [Theory]
    [InlineData("FZRULZ", 0.95f, true)]
    [InlineData("FZRULZ", 0.85f, false)]
    [InlineData("CALIFORNIA", 0.99f, false)]
    public void A_Read_Without_A_Digit_Counts_Only_When_The_Recogniser_Is_Sure_Of_It(string text, float confidence, bool plausible) =>
        Assert.Equal(plausible, filter.IsPlausibleText(text, confidence));

    [Fact]
    public void Digit_Rule_Can_Be_Turned_Off()
    {
        var lenient = new PlateCandidateFilter(new PlateCandidateRules { RequireDigit = false });

        Assert.True(lenient.IsPlausibleText("DEALER", confidence: 0.5f));
    }

    [Theory]
    [InlineData(120, 40, true)]
    [InlineData(40, 40, false)]
    [InlineData(300, 20, false)]
    [InlineData(30, 6, false)]
    public void Box_Is_Plausible_Only_With_Plate_Line_Proportions_And_Readable_Height(int width, int height, bool plausible) =>
        Assert.Equal(plausible, filter.IsPlausibleBox(new PlateBox(100, 10, width, height), frameWidth: 1280));

    [Theory]
    [InlineData(0, false)]
    [InlineData(25, false)]
    [InlineData(1135, false)]
    [InlineData(26, true)]
    [InlineData(1134, true)]
    public void Box_Cut_By_The_Left_Or_Right_Frame_Edge_Is_Not_A_Whole_Plate(int x, bool plausible) =>
        Assert.Equal(plausible, filter.IsPlausibleBox(new PlateBox(x, 300, 120, 40), frameWidth: 1280));

    [Fact]
    public void Box_Touching_The_Edge_Is_Kept_When_The_Rule_Is_Off()
    {
        var lenient = new PlateCandidateFilter(new PlateCandidateRules { RejectCutByFrameEdge = false });
        Assert.True(lenient.IsPlausibleBox(new PlateBox(0, 300, 120, 40), frameWidth: 1280));
    }

    [Fact]
    public void Largest_Box_Ranks_First_And_Score_Breaks_Ties()
    {
        var small = new TextRegion(new PlateBox(0, 0, 60, 20), 0.99f);
        var large = new TextRegion(new PlateBox(0, 0, 120, 40), 0.70f);
        var largeSure = new TextRegion(new PlateBox(50, 50, 120, 40), 0.90f);
        TextRegion[] regions = [small, large, largeSure];

        Array.Sort(regions, PlateCandidateFilter.LargestFirst);

        Assert.Equal([largeSure, large, small], regions);
    }

    [Fact]
    public void Boxes_Overlap_Only_When_They_Share_Area()
    {
        var box = new PlateBox(10, 10, 50, 20);

        Assert.True(PlateCandidateFilter.Overlap(box, new PlateBox(40, 20, 50, 20)));
        Assert.False(PlateCandidateFilter.Overlap(box, new PlateBox(60, 10, 50, 20)));
    }
}
