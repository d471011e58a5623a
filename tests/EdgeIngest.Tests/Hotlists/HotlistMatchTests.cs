using EdgeIngest.Hotlists;

namespace EdgeIngest.Tests.Hotlists;

public sealed class HotlistMatchTests
{
    private static readonly Hotlist List = new([new HotlistEntry("7ABC123", "Stolen", HotlistPriority.High)]);

    [Theory]
    [InlineData("7ABC123")]
    [InlineData("7abc123")]
    [InlineData("7-ABC 123")]
    [InlineData("7A8C123")] // B read as 8
    [InlineData("7ABCI23")] // 1 read as I
    public void A_Read_Matches_Despite_Case_Separators_And_Look_Alikes(string read) => Assert.NotNull(List.Match(read));

    [Theory]
    [InlineData("7ABC124")]
    [InlineData("7ABC12")]
    [InlineData("")]
    public void A_Different_Plate_Does_Not_Match(string read) => Assert.Null(List.Match(read));

    [Fact]
    public void Folding_Maps_Letters_To_Their_Look_Alike_Digits()
    {
        Assert.Equal("0012568", PlateKey.Of("OQ1ZSGB".Replace('1', 'I')));
        Assert.Equal("ABC123", PlateKey.Clean("abc-123"));
    }
}
