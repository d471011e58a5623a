using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Tests.Reads.Regions;

/// <summary>
/// The decoding rule on recogniser-like outputs: look-alikes are corrected only where a layout's
/// position class asks for the other class, and only when the whole read then fits that layout.
/// </summary>
public sealed class PlateLayoutsTests
{
    private static PlateLayouts Layouts(params string[] lines) => PlateLayouts.Compile(RegionTemplateFile.Parse(lines, "test"));

    private static (bool Fits, string Text) Corrected(PlateLayouts layouts, string read)
    {
        var buffer = read.ToCharArray();
        var fits = layouts.Correct(buffer);
        return (fits, new string(buffer));
    }

    private static (bool Fits, string Text) CorrectedAtMost(PlateLayouts layouts, string read, int maxChanges)
    {
        var buffer = read.ToCharArray();
        var fits = layouts.Correct(buffer, maxChanges);
        return (fits, new string(buffer));
    }

    [Theory]
    [InlineData("ABC1O34", "ABC1034")] // O in a digit position
    [InlineData("ABC1I34", "ABC1134")]
    [InlineData("ABC1B34", "ABC1834")]
    [InlineData("ABC1S34", "ABC1534")]
    [InlineData("ABC1Z34", "ABC1234")]
    [InlineData("ABC1G34", "ABC1634")]
    public void A_Letter_Read_In_A_Digit_Position_Becomes_Its_Look_Alike_Digit(string read, string expected) =>
        Assert.Equal((true, expected), Corrected(Layouts("LLL9999"), read));

    [Theory]
    [InlineData("A0C1234", "AOC1234")] // 0 in a letter position
    [InlineData("A1C1234", "AIC1234")]
    [InlineData("A8C1234", "ABC1234")]
    [InlineData("A5C1234", "ASC1234")]
    [InlineData("A2C1234", "AZC1234")]
    [InlineData("A6C1234", "AGC1234")]
    public void A_Digit_Read_In_A_Letter_Position_Becomes_Its_Look_Alike_Letter(string read, string expected) =>
        Assert.Equal((true, expected), Corrected(Layouts("LLL9999"), read));

    [Theory]
    [InlineData("ABO1234")]
    [InlineData("AB01234")]
    public void An_Either_Position_Keeps_What_Was_Read(string read) =>
        Assert.Equal((true, read), Corrected(Layouts("LL?9999"), read));

    [Theory]
    [InlineData("AB12O")] // no layout of five characters
    [InlineData("ABC12345")] // too long for every layout
    [InlineData("ABC1X34")] // X has no digit look-alike
    [InlineData("A4C1234")] // 4 has no letter look-alike
    public void A_Read_That_Fits_No_Layout_Even_Corrected_Is_Left_As_Read(string read) =>
        Assert.Equal((false, read), Corrected(Layouts("LLL9999", "9LLL999"), read));

    [Fact]
    public void A_Read_That_Already_Fits_One_Layout_Is_Never_Changed_To_Fit_Another()
    {
        // Mercosur (LLL9L99) takes BRA2O19 as it is; corrected, it would also fit the old series (LLL9999).
        var brazil = Layouts("LLL9999", "LLL9L99");

        Assert.Equal((true, "BRA2O19"), Corrected(brazil, "BRA2O19"));
        Assert.Equal((true, "BRA2019"), Corrected(brazil, "BRA2019"));
    }

    [Fact]
    public void The_Layout_Needing_Fewest_Changes_Wins()
    {
        var brazil = Layouts("LLL9L99", "LLL9999");

        // The old series needs one change (O→0); Mercosur two (2→Z, O→0).
        Assert.Equal((true, "ABC1204"), Corrected(brazil, "ABC12O4"));

        // Mercosur needs one change (O→0); the old series two (B→8, O→0).
        Assert.Equal((true, "ABC1B50"), Corrected(brazil, "ABC1B5O"));
    }

    [Fact]
    public void Between_Layouts_Needing_As_Many_Changes_The_First_Listed_Wins()
    {
        // "11" needs one change for either layout: 1→I in the letter position.
        Assert.Equal((true, "1I"), Corrected(Layouts("9L", "L9"), "11"));
        Assert.Equal((true, "I1"), Corrected(Layouts("L9", "9L"), "11"));
    }

    [Fact]
    public void A_Layout_Needing_More_Changes_Than_Allowed_Leaves_The_Read_As_It_Is()
    {
        var layouts = Layouts("LL99999");

        // A UK plate read with US layouts: Illinois' LL99999 fits after three changes (Z→2, S→5, Z→2).
        Assert.Equal((false, "LR05ZSZ"), CorrectedAtMost(layouts, "LR05ZSZ", 2));
        Assert.Equal((true, "LR05252"), CorrectedAtMost(layouts, "LR05ZSZ", 3));
    }

    [Fact]
    public void Only_A_Character_The_Recogniser_Was_Unsure_Of_Is_Changed()
    {
        var layouts = Layouts("LLL9999");
        var sure = "ABC12O4".ToCharArray();
        var unsure = "ABC12O4".ToCharArray();
        float[] surelyO = [0, 0, 0, 0, 0, 0.001f, 0];
        float[] maybeZero = [0, 0, 0, 0, 0, 0.3f, 0];

        Assert.False(layouts.Correct(sure, surelyO, 0.05f, int.MaxValue), "an O read surely must not be changed");
        Assert.True(layouts.Correct(unsure, maybeZero, 0.05f, int.MaxValue));
        Assert.Equal(("ABC12O4", "ABC1204"), (new string(sure), new string(unsure)));
    }

    [Fact]
    public void Fits_Checks_The_Read_As_It_Is_Without_Correcting()
    {
        var layouts = Layouts("LLL9999");

        Assert.True(layouts.Fits("ABC1234"));
        Assert.False(layouts.Fits("ABC12O4"));
        Assert.False(PlateLayouts.None.Fits("ABC1234"));
    }

    [Fact]
    public void No_Region_Corrects_Nothing()
    {
        Assert.Equal((false, "ABC12O4"), Corrected(PlateLayouts.None, "ABC12O4"));
    }

    [Fact]
    public void The_Same_Layout_From_Two_Regions_Is_Kept_Once_And_The_Longest_Is_Known()
    {
        var layouts = PlateLayouts.Compile([.. RegionTemplateFile.Parse(["LLL9999", "LL99LL9999"], "a"), .. RegionTemplateFile.Parse(["LLL9999"], "b")]);

        Assert.Equal(2, layouts.Count);
        Assert.Equal(10, layouts.Longest);
    }
}
