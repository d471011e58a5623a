using EdgeIngest.Motion;

namespace EdgeIngest.Tests.Motion;

/// <summary>
/// The vectorised count against a plain one, over lengths that exercise whole vectors, the widening
/// every 255 vectors and the scalar tail. Rerun with <c>DOTNET_EnableAVX2=0</c> (16-byte vectors) and
/// <c>DOTNET_EnableHWIntrinsic=0</c> (scalar only) to test the other paths on a machine with AVX2.
/// </summary>
public sealed class ChangedCellsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(254)]
    public void The_Vector_Count_Equals_A_Plain_Count_For_Every_Length(byte threshold)
    {
        var random = new Random(threshold);
        foreach (var length in Enumerable.Range(0, 100).Append(255 * 32).Append(14_400).Append(32_401))
        {
            var current = new byte[length];
            var reference = new byte[length];
            random.NextBytes(current);
            random.NextBytes(reference);

            var expected = current.Zip(reference).Count(p => Math.Abs(p.First - p.Second) > threshold);
            Assert.Equal(expected, ChangedCells.Count(current, reference, threshold));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(67)]
    [InlineData(20_000)]
    public void A_Difference_Equal_To_The_Threshold_Does_Not_Count_And_One_More_Does_Either_Way(int length)
    {
        var current = Enumerable.Repeat((byte)100, length).ToArray();

        Assert.Equal(0, ChangedCells.Count(current, Enumerable.Repeat((byte)112, length).ToArray(), 12));
        Assert.Equal(length, ChangedCells.Count(current, Enumerable.Repeat((byte)113, length).ToArray(), 12));
        Assert.Equal(length, ChangedCells.Count(current, Enumerable.Repeat((byte)87, length).ToArray(), 12));
        Assert.Equal(length, ChangedCells.Count(Enumerable.Repeat((byte)255, length).ToArray(), new byte[length], 12));
    }

    [Fact]
    public void Grids_Of_Different_Lengths_Are_Refused()
    {
        Assert.Throws<ArgumentException>(() => ChangedCells.Count(new byte[32], new byte[31], 12));
    }
}
