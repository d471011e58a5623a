using EdgeIngest.Tracks;

namespace EdgeIngest.Tests.Tracks;

public sealed class PlateTextDistanceTests
{
    [Theory]
    [InlineData("7ABC123", "7ABC123", false, 0)]
    [InlineData("6MWF778", "GMWF778", false, 1)]
    [InlineData("6MWF778", "GMWF778", true, 0)]
    [InlineData("7ABC123", "7A8C123", true, 0)]
    [InlineData("7ABC123", "7ABC23", true, 1)]
    [InlineData("7ABC123", "X7ABC123", true, 1)]
    [InlineData("7ABC123", "KXT4596", true, 7)]
    [InlineData("", "ABC", true, 3)]
    public void Counts_Insertions_Deletions_And_Substitutions(string a, string b, bool fold, int expected)
    {
        Assert.Equal(expected, PlateTextDistance.Between(a, b, fold));
        Assert.Equal(expected, PlateTextDistance.Between(b, a, fold));
    }
}
