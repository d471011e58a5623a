using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

public sealed class PlateTextCacheTests
{
    [Fact]
    public void The_Same_Characters_Give_The_Same_String_Instance()
    {
        var cache = new PlateTextCache(4);

        var first = cache.Get("7ABC123".AsSpan());
        var second = cache.Get("7ABC123".ToCharArray());

        Assert.Equal("7ABC123", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_Full_Cache_Starts_Over_And_Stays_Within_Its_Capacity()
    {
        var cache = new PlateTextCache(2);
        var first = cache.Get("AAA111");
        cache.Get("BBB222");

        var third = cache.Get("CCC333");

        Assert.Equal("CCC333", third);
        Assert.Equal(1, cache.Count);
        Assert.NotSame(first, cache.Get("AAA111"));
        Assert.Equal("AAA111", cache.Get("AAA111"));
    }
}
