using EdgeIngest.Hotlists;

namespace EdgeIngest.Tests.Hotlists;

/// <summary><see cref="Hotlist.Apply"/>: a delta gives a new list and leaves the old one as it was.</summary>
public sealed class HotlistDeltaTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static HotlistEntry Entry(string plate, string reason = "x", HotlistPriority priority = HotlistPriority.High) => new(plate, reason, priority);

    [Fact]
    public void A_Delta_Adds_Replaces_And_Removes_Without_Touching_The_List_It_Came_From()
    {
        var before = new Hotlist([Entry("7ABC123", "old"), Entry("KXT4821"), Entry("*999"), Entry("LPR2024")]);

        var after = before.Apply([Entry("7ABC123", "new"), Entry("NEW4242"), Entry("AB?1")], ["kxt-4821", "*999"]);

        Assert.Equal(4, after.Count);
        Assert.Equal("new", after.Match("7ABC123", Now)?.Entry.Reason);
        Assert.NotNull(after.Match("NEW4242", Now));
        Assert.NotNull(after.Match("ABX1", Now));
        Assert.NotNull(after.Match("LPR2024", Now));
        Assert.Null(after.Match("KXT4821", Now));
        Assert.Null(after.Match("ABC999", Now));
        Assert.Equal(["7ABC123", "AB?1", "LPR2024", "NEW4242"], after.Entries.Select(e => e.Plate).Order(StringComparer.Ordinal));

        Assert.Equal(4, before.Count);
        Assert.Equal("old", before.Match("7ABC123", Now)?.Entry.Reason);
        Assert.NotNull(before.Match("KXT4821", Now));
        Assert.Null(before.Match("NEW4242", Now));
    }

    [Fact]
    public void An_Upsert_Replaces_Every_Listing_Of_Its_Plate_Even_From_An_Earlier_Delta()
    {
        var list = new Hotlist([Entry("7ABC123", "a", HotlistPriority.Critical), Entry("7ABC123", "b")])
            .Apply([Entry("7ABC123", "c", HotlistPriority.Low)], [])
            .Apply([Entry("7ABC123", "d", HotlistPriority.Low)], []);

        Assert.Equal(1, list.Count);
        Assert.Equal("d", list.Match("7ABC123", Now)?.Entry.Reason);
    }

    [Fact]
    public void Removing_A_Plate_Removes_Its_Look_Alike_Matches_Too_But_Not_Its_Look_Alike_Listings()
    {
        var list = new Hotlist([Entry("7ABC123", "plate"), Entry("7A8C123", "other")]).Apply([], ["7ABC123"]);
        Assert.Equal(("other", MatchKind.LookAlike), (list.Match("7ABC123", Now)?.Entry.Reason, list.Match("7ABC123", Now)?.Kind));
        Assert.Equal(1, list.Count);
    }

    [Fact]
    public void Many_Deltas_Fold_Into_A_Rebuilt_Index_With_The_Same_Answers()
    {
        // 10,000 plates changed in 20 deltas crosses the rebuild threshold (4,096) at least once.
        var list = new Hotlist([.. Enumerable.Range(0, 1000).Select(i => Entry($"KX{i:D4}", "base"))]);
        for (var delta = 0; delta < 20; delta++)
        {
            var upserts = Enumerable.Range(delta * 500, 500).Select(i => Entry($"NW{i:D5}", $"delta {delta}"));
            list = list.Apply(upserts, [$"KX{delta:D4}"]);
        }

        Assert.Equal(1000 - 20 + 10_000, list.Count);
        Assert.Equal(list.Count, list.Entries.Count());
        Assert.Equal("delta 19", list.Match("NW09999", Now)?.Entry.Reason);
        Assert.Equal("delta 0", list.Match("NW00000", Now)?.Entry.Reason);
        Assert.Null(list.Match("KX0019", Now));
        Assert.Equal("base", list.Match("KX0020", Now)?.Entry.Reason);
    }

    [Fact]
    public void A_Delta_With_A_Bad_Plate_Is_Refused_Whole()
    {
        var list = new Hotlist([Entry("7ABC123")]);
        var e = Assert.Throws<ArgumentException>(() => list.Apply([Entry("GOOD1"), Entry("*")], []));
        Assert.Contains("'*'", e.Message, StringComparison.Ordinal);
    }
}
