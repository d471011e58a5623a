using EdgeIngest.Evaluation;
using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Evaluation;

public sealed class PlateMatchingTests
{
    [Theory]
    [InlineData("ABC0123", "ABCO123", true)]
    [InlineData("abc123", "ABC123", true)]
    [InlineData("ABC123", "ABC128", false)]
    [InlineData("ABC123", "ABC1234", false)]
    public void Plates_Match_Ignoring_Case_With_O_And_Zero_Equal(string read, string truth, bool same) =>
        Assert.Equal(same, PlateMatching.SameText(read, truth));

    [Fact]
    public void Text_Box_Inside_The_Plate_Covering_Most_Of_It_Finds_It() =>
        Assert.True(PlateMatching.Finds(new PlateBox(105, 105, 90, 35), new PlateBox(100, 100, 100, 50)));

    [Fact]
    public void Text_Line_Of_A_Tall_Plate_Finds_It_Though_It_Covers_Under_Half()
    {
        // 70x30 line inside a 120x60 plate: 29 % of the plate, all of the line, IoU 0.29 → 0.3 with margin.
        Assert.True(PlateMatching.Finds(new PlateBox(120, 112, 74, 34), new PlateBox(100, 100, 120, 60)));
    }

    [Fact]
    public void Box_Only_Touching_The_Plate_Does_Not_Find_It() =>
        Assert.False(PlateMatching.Finds(new PlateBox(170, 100, 100, 50), new PlateBox(100, 100, 100, 50)));

    [Fact]
    public void Box_Much_Larger_Than_The_Plate_Does_Not_Find_It() =>
        Assert.False(PlateMatching.Finds(new PlateBox(0, 0, 400, 300), new PlateBox(100, 100, 100, 50)));
}
