using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Commands;

public sealed class HotlistReplaceTests : IDisposable
{
    private readonly CommandWorkspace _workspace = new();

    [Fact]
    public void A_Valid_Replace_Swaps_The_List_So_Only_The_New_Plates_Match()
    {
        Assert.NotNull(_workspace.Hotlists.Match("CONF111", DateTimeOffset.UtcNow));

        var outcome = _workspace.Send(CommandWorkspace.Replace("c-42", 42, "plate,reason,priority\nNEW4242,\"Stolen, armed\",critical\nNEW4243,Amber alert\n"));

        Assert.True(outcome.Ok, outcome.Error);
        var result = CommandWorkspace.ResultOf(outcome);
        Assert.Equal("c-42", result.GetProperty("command_id").GetString());
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal(42, _workspace.Hotlists.Current.Version);
        Assert.Equal("Stolen, armed", _workspace.Hotlists.Match("NEW4242", DateTimeOffset.UtcNow)?.Entry.Reason);
        Assert.Null(_workspace.Hotlists.Match("CONF111", DateTimeOffset.UtcNow));
        Assert.Contains(_workspace.Logs.Lines, line =>
            line is { EventId: 400, Level: LogLevel.Information } && line.Message.Contains("hotlist replaced: version 0 → 42, 2 plates", StringComparison.Ordinal));
    }

    [Fact]
    public void An_Accepted_Hotlist_Is_Stored_And_Used_After_A_Restart()
    {
        const string csv = "plate,reason,priority\nNEW4242,Stolen,critical\n";
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-42", 42, csv)).Ok);

        var stored = _workspace.Store.PathOf(42);
        Assert.Equal(csv, File.ReadAllText(stored));
        Assert.Equal(stored, _workspace.Hotlists.Current.Source);

        _workspace.Restart();

        Assert.Equal(42, _workspace.Hotlists.Current.Version);
        Assert.NotNull(_workspace.Hotlists.Match("NEW4242", DateTimeOffset.UtcNow));
        Assert.Null(_workspace.Hotlists.Match("CONF111", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void The_Previous_Version_Is_Kept_And_Older_Ones_Are_Deleted()
    {
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-1", 1, "ONE111,v1\n")).Ok);
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-2", 2, "TWO222,v2\n")).Ok);
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-3", 3, "THREE333,v3\n")).Ok);

        Assert.Equal([3, 2], _workspace.Store.StoredVersions().Select(stored => stored.Version));
        Assert.Equal(["hotlist/hotlist-v2.csv", "hotlist/hotlist-v3.csv"], _workspace.StoredFiles().Keys);
    }

    [Fact]
    public void A_Plate_Listed_Under_A_Look_Alike_Still_Matches_After_A_Replace()
    {
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-7", 7, "7ABC123,Stolen vehicle,critical\n")).Ok);

        Assert.Equal("7ABC123", _workspace.Hotlists.Match("7A8C123", DateTimeOffset.UtcNow)?.Entry.Plate);
    }

    public void Dispose() => _workspace.Dispose();
}
