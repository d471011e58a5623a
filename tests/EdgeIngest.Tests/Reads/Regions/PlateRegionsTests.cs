using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Tests.Reads.Regions;

public sealed class PlateRegionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeingest-regions-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("us", new[] { "us" })]
    [InlineData("br,uk", new[] { "br", "uk" })]
    [InlineData("[br, uk]", new[] { "br", "uk" })]
    [InlineData(" BR , uk, br ", new[] { "br", "uk" })]
    [InlineData("", new string[0])]
    public void A_Region_Or_A_List_Of_Regions_Is_Parsed(string value, string[] expected) =>
        Assert.Equal(expected, PlateRegions.ParseList(value));

    [Fact]
    public void Any_Loads_No_Layouts_And_A_List_Loads_Every_Region_Listed()
    {
        var both = PlateRegions.Load(PlateRegions.DefaultDirectory, ["br", "uk"]);
        var brazil = PlateRegions.Load(PlateRegions.DefaultDirectory, ["br"]);

        Assert.Same(PlateLayouts.None, PlateRegions.Load(PlateRegions.DefaultDirectory, [PlateRegions.Any]));
        Assert.True(both.Fits("ABC1D23") && both.Fits("AB12CDE"), "br and uk together: a Mercosur and a UK plate both fit");
        Assert.False(brazil.Fits("AB12CDE"), "br alone: a UK plate fits no Brazilian layout");
    }

    [Fact]
    public void An_Unknown_Region_Is_Named_With_The_Known_Ones()
    {
        var problem = PlateRegions.Problem(PlateRegions.DefaultDirectory, ["br", "mars"]);

        Assert.NotNull(problem);
        Assert.StartsWith("'mars' is not a known region; expected a region or a list of regions from: any, at, au, be, bg, br, ca, cz, de, dk, ee, es, fi, fr, gr, hr, hu, ie, in, it, lt, lv, nl, pl, pt, ro, se, sk, uk, us", problem, StringComparison.Ordinal);
        Assert.Null(PlateRegions.Problem(PlateRegions.DefaultDirectory, ["br", "uk"]));
    }

    [Fact]
    public void A_Models_Folder_Without_Templates_Uses_The_Installations_And_One_With_Them_Its_Own()
    {
        var own = Directory.CreateDirectory(Path.Combine(_dir, "regions")).FullName;
        var bare = Directory.CreateDirectory(Path.Combine(_dir, "bare")).FullName;

        Assert.Equal(own, PlateRegions.DirectoryFor(_dir));
        Assert.Equal(PlateRegions.DefaultDirectory, PlateRegions.DirectoryFor(bare));
        Assert.Equal(PlateRegions.DefaultDirectory, PlateRegions.DirectoryFor(null));
    }

    [Fact]
    public void A_Bad_Template_File_Is_Named_With_Its_Line_When_Its_Region_Is_Chosen()
    {
        File.WriteAllLines(Path.Combine(_dir, "zz.txt"), ["# test region", "LLL9999", "LL-999"]);

        var problem = PlateRegions.Problem(_dir, ["zz"]);
        var e = Assert.Throws<RegionTemplateException>(() => PlateRegions.Load(_dir, ["zz"]));

        Assert.Equal($"{Path.Combine(_dir, "zz.txt")}: line 3: 'LL-999' — position 3 is '-'; expected L (a letter), 9 (a digit) or ? (either)", problem);
        Assert.Equal(problem, e.Message);
    }
}
