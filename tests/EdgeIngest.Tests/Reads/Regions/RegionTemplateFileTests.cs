using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Tests.Reads.Regions;

public sealed class RegionTemplateFileTests
{
    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(PlateRegions.DefaultDirectory, "*" + PlateRegions.FileExtension).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Brazil_The_Uk_The_Eu_States_Canada_Australia_The_Us_And_India_Ship_A_Template_File()
    {
        string[] expected =
        [
            "any", "at", "au", "be", "bg", "br", "ca", "cz", "de", "dk", "ee", "es", "fi", "fr", "gr", "hr", "hu",
            "ie", "in", "it", "lt", "lv", "nl", "pl", "pt", "ro", "se", "sk", "uk", "us",
        ];

        Assert.Equal(expected, PlateRegions.Known(PlateRegions.DefaultDirectory));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_Shipped_Template_File_Parses(string file)
    {
        var layouts = RegionTemplateFile.Read(Path.Combine(PlateRegions.DefaultDirectory, file));

        Assert.NotEmpty(layouts);
    }

    [Fact]
    public void Comments_Blank_Lines_And_Every_Position_Class_Are_Read()
    {
        var layouts = RegionTemplateFile.Parse(["# Brazil", "", "LLL9L99   # Mercosur", "  LLL9999", "LL?9"], "br.txt");

        Assert.Equal(3, layouts.Count);
        Assert.Equal(
            [PositionClass.Letter, PositionClass.Letter, PositionClass.Letter, PositionClass.Digit, PositionClass.Letter, PositionClass.Digit, PositionClass.Digit],
            layouts[0]);
        Assert.Equal(PositionClass.Either, layouts[2][2]);
    }

    [Theory]
    [InlineData(new[] { "# header", "LLX9999" }, 2, "'LLX9999' — position 3 is 'X'; expected L (a letter), 9 (a digit) or ? (either)")]
    [InlineData(new[] { "LLL 9999" }, 1, "'LLL 9999' — expected one layout per line, without spaces")]
    [InlineData(new[] { "LLL9999", "LL9", "LLL9999" }, 3, "'LLL9999' — the same layout as line 1")]
    [InlineData(new[] { "L" }, 1, "'L' — a layout has 2 to 16 positions, not 1")]
    [InlineData(new[] { "LLLLLLLLL99999999" }, 1, "a layout has 2 to 16 positions, not 17")]
    [InlineData(new[] { "lll9999" }, 1, "position 1 is 'l'")]
    public void A_Bad_Line_Is_Reported_With_File_Line_And_Problem(string[] lines, int line, string problem)
    {
        var e = Assert.Throws<RegionTemplateException>(() => RegionTemplateFile.Parse(lines, "models/regions/xx.txt"));

        Assert.Equal(("models/regions/xx.txt", line), (e.File, e.Line));
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"models/regions/xx.txt: line {line}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_File_Without_Layouts_Is_Reported()
    {
        var e = Assert.Throws<RegionTemplateException>(() => RegionTemplateFile.Parse(["# only a comment", ""], "xx.txt"));

        Assert.Equal("xx.txt: holds no layout (expected lines such as 'LLL9999')", e.Message);
    }
}
