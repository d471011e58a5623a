using EdgeIngest.Hotlists;

namespace EdgeIngest.Tests.Hotlists;

/// <summary>Partial plates: <c>?</c> is exactly one character, <c>*</c> any run including none; literals compare exactly.</summary>
public sealed class WildcardMatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("AB?123", "ABX123", true)]
    [InlineData("AB?123", "ab-7 123", true)]
    [InlineData("AB?123", "AB123", false)] // ? is exactly one
    [InlineData("AB?123", "ABXY123", false)]
    [InlineData("AB??23", "AB0023", true)]
    [InlineData("*123", "123", true)] // * may be empty
    [InlineData("*123", "XYZ123", true)]
    [InlineData("*123", "XYZ124", false)]
    [InlineData("*123", "XYZI23", false)] // literals are not look-alikes
    [InlineData("7AB*", "7AB", true)]
    [InlineData("7AB*", "7ABC999", true)]
    [InlineData("7AB*", "X7AB999", false)]
    [InlineData("K*X*9", "KAXB9", true)]
    [InlineData("K*X*9", "KX9", true)]
    [InlineData("K*X*9", "KAB9", false)]
    [InlineData("*X?2*", "ABXZ2QQ", true)]
    [InlineData("*X?2*", "ABX2", false)]
    public void A_Partial_Plate_Matches_Reads_That_Fit_It(string listed, string read, bool matches)
    {
        var match = new Hotlist([new HotlistEntry(listed, "partial", HotlistPriority.High)]).Match(read, Now);
        Assert.Equal(matches, match is not null);
        Assert.True(!matches || (match?.Kind == MatchKind.Wildcard && match?.Distance == 0 && match?.ConfirmBeforeActing == true));
    }

    [Fact]
    public void Among_Fitting_Partial_Plates_The_Higher_Priority_Wins()
    {
        var list = new Hotlist([
            new HotlistEntry("*123", "low", HotlistPriority.Low),
            new HotlistEntry("AB?123", "critical", HotlistPriority.Critical),
            new HotlistEntry("AB*", "medium", HotlistPriority.Medium),
        ]);

        Assert.Equal("critical", list.Match("ABX123", Now)?.Entry.Reason);
        Assert.Equal("medium", list.Match("ABX124", Now)?.Entry.Reason);
        Assert.Equal("low", list.Match("ZZ123", Now)?.Entry.Reason);
    }

    [Fact]
    public void A_Partial_Plate_Is_Listed_With_Separators_And_Repeated_Stars_Normalised()
    {
        var list = new Hotlist([new HotlistEntry("ab-?12**", "partial", HotlistPriority.High)]);
        Assert.Equal(("ab-?12**", MatchKind.Wildcard), (list.Match("ABC12", Now)?.Entry.Plate, list.Match("ABC12999", Now)?.Kind));
    }
}
