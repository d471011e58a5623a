using EdgeIngest.Hotlists;

namespace EdgeIngest.Tests.Commands;

public sealed class HotlistHolderTests
{
    private static VersionedHotlist Version(long version, string plate) =>
        new(new Hotlist([new HotlistEntry(plate, "test", HotlistPriority.High)]), version, $"v{version}");

    [Fact]
    public void Only_A_Newer_Version_Replaces_The_Current_One()
    {
        var holder = new HotlistHolder(Version(5, "FIVE555"));

        Assert.False(holder.TryReplace(Version(5, "SAME555")));
        Assert.False(holder.TryReplace(Version(4, "FOUR444")));
        Assert.NotNull(holder.Match("FIVE555", DateTimeOffset.UtcNow));

        Assert.True(holder.TryReplace(Version(6, "SIX666")));
        Assert.NotNull(holder.Match("SIX666", DateTimeOffset.UtcNow));
        Assert.Null(holder.Match("FIVE555", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Racing_Replacements_End_With_The_Highest_Version()
    {
        var holder = new HotlistHolder(Version(0, "ZERO000"));

        Parallel.For(1, 2001, version => holder.TryReplace(Version(version, $"P{version}")));

        Assert.Equal(2000, holder.Current.Version);
        Assert.NotNull(holder.Match("P2000", DateTimeOffset.UtcNow));
    }
}
