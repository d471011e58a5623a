using EdgeIngest.Hotlists;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Commands;

public sealed class HotlistStoreTests : IDisposable
{
    private readonly CommandWorkspace _workspace = new();

    [Fact]
    public void Without_Stored_Versions_The_Configured_File_Is_Version_0()
    {
        var loaded = _workspace.Store.LoadNewest(_workspace.ConfiguredFile);

        Assert.Equal(0, loaded.Version);
        Assert.Equal(_workspace.ConfiguredFile, loaded.Source);
        Assert.NotNull(loaded.Hotlist.Match("CONF111", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void A_Corrupt_Newest_Stored_File_Is_Reported_By_Line_And_The_Previous_Version_Is_Used()
    {
        _workspace.Store.Save(6, "SIX666,v6\n");
        _workspace.Store.Save(7, "SEVEN777,v7\n");
        File.WriteAllText(_workspace.Store.PathOf(7), "SEVEN777,v7\nSEVEN778,v7,urgent\n");

        var loaded = _workspace.Store.LoadNewest(_workspace.ConfiguredFile);

        Assert.Equal(6, loaded.Version);
        Assert.NotNull(loaded.Hotlist.Match("SIX666", DateTimeOffset.UtcNow));
        Assert.Contains(_workspace.Logs.Lines, line =>
            line is { EventId: 421, Level: LogLevel.Error } && line.Contains($"{_workspace.Store.PathOf(7)}:2: priority 'urgent'"));
    }

    [Fact]
    public void When_Every_Stored_File_Is_Corrupt_The_Configured_File_Is_Used()
    {
        _workspace.Store.Save(3, "plate,reason\n\"THREE,v3\n");

        var loaded = _workspace.Store.LoadNewest(_workspace.ConfiguredFile);

        Assert.Equal(0, loaded.Version);
        Assert.NotNull(loaded.Hotlist.Match("CONF111", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void When_Nothing_Parses_Start_Up_Fails_Rather_Than_Run_With_An_Empty_List()
    {
        _workspace.Store.Save(3, "THREE,v3,urgent\n");
        File.WriteAllText(_workspace.ConfiguredFile, "CONF111\n");

        var e = Assert.Throws<HotlistFormatException>(() => _workspace.Store.LoadNewest(_workspace.ConfiguredFile));

        Assert.Contains($"{_workspace.ConfiguredFile}:1: expected 2 or 3 fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_Leaves_Exactly_The_Text_And_No_Temp_File()
    {
        const string csv = "plate,reason,priority\r\nNEW1,\"Stolen, armed\",low\r\n";

        var path = _workspace.Store.Save(12, csv);

        Assert.Equal(_workspace.Store.PathOf(12), path);
        Assert.Equal(csv, File.ReadAllText(path));
        Assert.Equal(["hotlist-v12.csv"], Directory.GetFiles(_workspace.Store.DirectoryPath).Select(Path.GetFileName));
    }

    [Fact]
    public void Files_That_Are_Not_Stored_Versions_Are_Ignored()
    {
        Directory.CreateDirectory(_workspace.Store.DirectoryPath);
        File.WriteAllText(Path.Combine(_workspace.Store.DirectoryPath, "hotlist-vlatest.csv"), "X,y,urgent\n");
        File.WriteAllText(Path.Combine(_workspace.Store.DirectoryPath, "hotlist-v9.csv.tmp"), "half a wri");

        var loaded = _workspace.Store.LoadNewest(_workspace.ConfiguredFile);

        Assert.Equal(0, loaded.Version);
    }

    public void Dispose() => _workspace.Dispose();
}
