namespace EdgeIngest.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Plate_Box_Reports_Its_Right_Edge() => Assert.Equal(15, new global::EdgeIngest.Reads.PlateBox(5, 0, 10, 2).Right);
}
