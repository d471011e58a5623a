using EdgeIngest.Hotlists;
using EdgeIngest.Signing;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Commands;

public sealed class HotlistReplaceTests : IDisposable
{
    private readonly CommandWorkspace _workspace = new();

    [Fact]
    public void A_Valid_Replace_Swaps_The_List_So_Only_The_New_Plates_Match()
    {
        Assert.NotNull(_workspace.Hotlists.Match("CONF111"));

        var outcome = _workspace.Send(CommandWorkspace.Replace("c-42", 42, "plate,category,reason,priority\nNEW4242,stolen_vehicle,\"Stolen, armed\",critical\nNEW4243,amber_alert,Amber alert,\n"));

        Assert.True(outcome.Ok, outcome.Error);
        var result = CommandWorkspace.ResultOf(outcome);
        Assert.Equal("c-42", result.GetProperty("command_id").GetString());
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal(42, _workspace.Hotlists.Current.Version);
        Assert.Equal("Stolen, armed", _workspace.Hotlists.Match("NEW4242")?.Reason);
        Assert.Null(_workspace.Hotlists.Match("CONF111"));
        Assert.Contains(_workspace.Logs.Lines, line =>
            line is { EventId: 400, Level: LogLevel.Information } && line.Message.Contains("hotlist version 1 → 42, 2 entries", StringComparison.Ordinal));
        Assert.Equal(HotlistCategories.AmberAlert, _workspace.Hotlists.Match("NEW4243")?.Category);
        var audited = Assert.Single(_workspace.Audit.OfKind("hotlist_accepted"), r => r["version"] == "42");
        Assert.Equal(("command", "1"), (audited["channel"], audited["previous_version"]));
    }

    [Fact]
    public void An_Accepted_Hotlist_Is_Stored_And_Used_After_A_Restart()
    {
        var signed = TestAgency.SignHotlist("plate,reason,priority\nNEW4242,Stolen,critical\n", 42);
        Assert.True(_workspace.Send(CommandWorkspace.ReplaceSigned("c-42", signed)).Ok);

        var stored = _workspace.Store.PathOf(42, delta: false);
        // Stored as signed (the command's JSON may escape differently; the signed payload is the same).
        Assert.Equal(SignedDocument.Parse(signed, "sent").Payload, SignedDocument.Parse(File.ReadAllBytes(stored), "stored").Payload);
        Assert.Equal(stored, _workspace.Hotlists.Current.Source);

        _workspace.Restart();

        Assert.Equal(42, _workspace.Hotlists.Current.Version);
        Assert.NotNull(_workspace.Hotlists.Match("NEW4242"));
        Assert.Null(_workspace.Hotlists.Match("CONF111"));
    }

    [Fact]
    public void The_Previous_Version_Is_Kept_And_Older_Ones_Are_Deleted()
    {
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-2", 2, "TWO222,v2\n")).Ok);
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-3", 3, "THREE333,v3\n")).Ok);
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-4", 4, "FOUR444,v4\n")).Ok);

        Assert.Equal([4, 3], _workspace.Store.StoredVersions().Select(stored => stored.Version));
        Assert.Equal(["hotlist/hotlist-v3.json", "hotlist/hotlist-v4.json"], _workspace.StoredFiles().Keys);
    }

    [Fact]
    public void A_Plate_Listed_Under_A_Look_Alike_Still_Matches_After_A_Replace()
    {
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-7", 7, "7ABC123,Stolen vehicle,critical\n")).Ok);

        Assert.Equal("7ABC123", _workspace.Hotlists.Match("7A8C123")?.Plate);
    }

    public void Dispose() => _workspace.Dispose();
}
