using EdgeIngest.Hotlists;
using EdgeIngest.Hotlists.Matching;

namespace EdgeIngest.Tests.Hotlists;

/// <summary>Look-alike matches: the OCR classes, the substitution limit, one missing or extra character.</summary>
public sealed class LookAlikeMatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("KX0R", "KXOR")]
    [InlineData("KX0R", "KXDR")]
    [InlineData("KX0R", "KXQR")]
    [InlineData("KXDR", "KXQR")]
    [InlineData("KX1R", "KXIR")]
    [InlineData("KX1R", "KXLR")]
    [InlineData("KX1R", "KXTR")]
    [InlineData("KXIR", "KXLR")]
    [InlineData("KX8R", "KXBR")]
    [InlineData("KX5R", "KXSR")]
    [InlineData("KX2R", "KXZR")]
    [InlineData("KX6R", "KXGR")]
    [InlineData("KXGR", "KX6R")]
    public void Each_Look_Alike_Class_Matches_In_Either_Direction_At_Distance_One(string listed, string read)
    {
        var list = new Hotlist([new HotlistEntry(listed, "x", HotlistPriority.High)]);
        var match = list.Match(read, Now);
        Assert.Equal((MatchKind.LookAlike, 1, true), (match?.Kind, match?.Distance, match?.ConfirmBeforeActing));
    }

    [Theory]
    [InlineData("KX0R", "KX8R")] // 0 and 8 are both round, but different classes
    [InlineData("KX1R", "KX7R")]
    [InlineData("KX5R", "KX6R")]
    [InlineData("KX2R", "KX7R")]
    [InlineData("KXAR", "KX4R")]
    [InlineData("KXUR", "KXVR")]
    public void Characters_Of_Different_Classes_Never_Match(string listed, string read) =>
        Assert.Null(new Hotlist([new HotlistEntry(listed, "x", HotlistPriority.High)]).Match(read, Now));

    [Fact]
    public void The_Classes_Are_The_Documented_Ones_And_Nothing_Else()
    {
        string[] classes = ["0ODQ", "1ILT", "2Z", "5S", "6G", "8B"];
        const string All = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        foreach (var a in All)
        {
            foreach (var b in All)
            {
                var expected = a == b || classes.Any(c => c.Contains(a, StringComparison.Ordinal) && c.Contains(b, StringComparison.Ordinal));
                Assert.True(expected == LookAlikeClasses.AreLookAlikes(a, b), $"{a}/{b}");
            }
        }
    }

    [Theory]
    [InlineData("7A8C123", 1)]
    [InlineData("7A8CI23", 2)]
    [InlineData("7A8CIZ3", -1)] // three swaps: over the default two
    public void Substitutions_Count_Up_To_The_Default_Limit_Of_Two(string read, int expected)
    {
        var match = new Hotlist([new HotlistEntry("7ABC123", "x", HotlistPriority.High)]).Match(read, Now);
        Assert.Equal(expected, match?.Distance ?? -1);
    }

    [Fact]
    public void The_Substitution_Limit_Is_Configurable()
    {
        var entries = new[] { new HotlistEntry("7ABC123", "x", HotlistPriority.High) };
        Assert.Equal(3, new Hotlist(entries, new HotlistMatchOptions { MaxSubstitutions = 3 }).Match("7A8CIZ3", Now)?.Distance);
        var exactOnly = new Hotlist(entries, new HotlistMatchOptions { MaxSubstitutions = 0, MaxIndels = 0 });
        Assert.Null(exactOnly.Match("7A8C123", Now));
        Assert.Null(exactOnly.Match("7ABC12", Now));
        Assert.Equal(MatchKind.Exact, exactOnly.Match("7ABC123", Now)?.Kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HotlistMatchOptions { MaxIndels = 2 });
    }

    [Theory]
    [InlineData("7ABC12", 1)] // last character missed
    [InlineData("ABC123", 1)] // first character missed
    [InlineData("7AC123", 1)] // a middle one missed
    [InlineData("7ABC1234", 1)] // an extra one at the end
    [InlineData("77ABC123", 1)] // an extra one at the start
    [InlineData("7ABXC123", 1)] // an extra one in the middle
    [InlineData("7A8C12", 2)] // missed one and a look-alike
    [InlineData("7A8CI234", 3)] // an extra one and two look-alikes
    [InlineData("7A8CIZ", -1)] // one missed and three look-alikes
    [InlineData("7AB123X", -1)] // one missed and one extra: two indels
    public void One_Missing_Or_Extra_Character_Counts_One_On_Top_Of_The_Substitutions(string read, int expected)
    {
        var match = new Hotlist([new HotlistEntry("7ABC123", "x", HotlistPriority.High)]).Match(read, Now);
        Assert.Equal(expected, match?.Distance ?? -1);
        Assert.True(expected < 0 || match?.Kind == MatchKind.LookAlike);
    }

    [Fact]
    public void An_Extra_Character_Takes_The_Alignment_With_The_Fewest_Substitutions()
    {
        // Dropping the read's 8 leaves 7ABC123 exactly; dropping its B would leave one swap.
        var match = new Hotlist([new HotlistEntry("7ABC123", "x", HotlistPriority.High)]).Match("7AB8C123", Now);
        Assert.Equal(1, match?.Distance);
    }
}
