using EdgeIngest.Hotlists;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Commands;

/// <summary>The signed hotlist documents kept under {storage}/hotlist/, as a start reads them back.</summary>
public sealed class HotlistStoreTests : IDisposable
{
    private readonly CommandWorkspace _workspace = new();

    [Fact]
    public void The_Configured_File_Is_Stored_And_Audited_Once_When_Newer_Than_Anything_Stored()
    {
        Assert.Equal([1L], _workspace.Store.StoredVersions().Select(s => s.Version));
        Assert.Equal(File.ReadAllBytes(_workspace.ConfiguredFile), File.ReadAllBytes(_workspace.Store.PathOf(1, delta: false)));

        var again = _workspace.Store.LoadNewest(_workspace.ConfiguredFile);

        Assert.False(again.AdoptedConfiguredFile);
        Assert.Equal(1, again.Hotlist.Version);
        Assert.NotNull(again.Hotlist.Hotlist.Match("CONF111"));
    }

    [Fact]
    public void A_Stored_File_Changed_On_Disk_Is_Refused_As_Forged_And_The_Previous_Version_Is_Used()
    {
        _workspace.Store.Save(6, delta: false, TestAgency.SignHotlist("SIX666,v6\n", 6));
        var seven = TestAgency.SignHotlist("SEVEN777,v7\n", 7);
        _workspace.Store.Save(7, delta: false, seven);
        var text = System.Text.Encoding.UTF8.GetString(seven);
        var payload = System.Text.Json.JsonDocument.Parse(seven).RootElement.GetProperty("payload").GetString()!;
        var tampered = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload)).Replace("SEVEN777", "SEVEN778", StringComparison.Ordinal)));
        File.WriteAllText(_workspace.Store.PathOf(7, delta: false), text.Replace(payload, tampered, StringComparison.Ordinal));

        var loaded = _workspace.Store.LoadNewest(_workspace.ConfiguredFile).Hotlist;

        Assert.Equal(6, loaded.Version);
        Assert.NotNull(loaded.Hotlist.Match("SIX666"));
        Assert.Contains(_workspace.Logs.Lines, line =>
            line is { EventId: 421, Level: LogLevel.Error } && line.Contains($"{_workspace.Store.PathOf(7, delta: false)}: the signature does not match the content"));
    }

    [Fact]
    public void Stored_Deltas_After_The_Newest_Full_List_Are_Applied_At_Start()
    {
        _workspace.Store.Save(6, delta: false, TestAgency.SignHotlist("SIX666,v6\nKEEP111,kept\n", 6));
        _workspace.Store.Save(7, delta: true, TestAgency.SignDelta(7, 6, "SEVEN777,v7\n", ["SIX666"]));
        _workspace.Store.Save(8, delta: true, TestAgency.SignDelta(8, 7, "EIGHT888,v8\n", []));
        _workspace.Store.Save(10, delta: true, TestAgency.SignDelta(10, 9, "TEN1010,v10\n", []));

        var loaded = _workspace.Store.LoadNewest(_workspace.ConfiguredFile).Hotlist;

        Assert.Equal(8, loaded.Version);
        Assert.Equal(["KEEP111", "SEVEN777", "EIGHT888"], loaded.Entries.Select(e => e.Plate));
    }

    [Fact]
    public void A_Configured_File_Newer_Than_The_Stored_List_Wins()
    {
        _workspace.Store.Save(6, delta: false, TestAgency.SignHotlist("SIX666,v6\n", 6));
        File.WriteAllBytes(_workspace.ConfiguredFile, TestAgency.SignHotlist("NINE999,v9\n", 9));

        var loaded = _workspace.Store.LoadNewest(_workspace.ConfiguredFile);

        Assert.True(loaded.AdoptedConfiguredFile);
        Assert.Equal(9, loaded.Hotlist.Version);
        Assert.True(File.Exists(_workspace.Store.PathOf(9, delta: false)));
    }

    [Fact]
    public void When_Nothing_Verifies_Start_Up_Fails_Naming_The_Configured_File_Rather_Than_Run_With_An_Empty_List()
    {
        File.Delete(_workspace.Store.PathOf(1, delta: false));
        File.WriteAllBytes(_workspace.ConfiguredFile, TestAgency.SignHotlist("CONF111,x\n", 2, TestAgency.Stranger));

        var e = Assert.Throws<HotlistFormatException>(() => _workspace.Store.LoadNewest(_workspace.ConfiguredFile));

        Assert.Contains($"{_workspace.ConfiguredFile}: signed by key {TestAgency.Stranger.KeyId}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Unsigned_Csv_As_The_Configured_File_Is_Refused_Saying_It_Is_Not_Signed()
    {
        File.Delete(_workspace.Store.PathOf(1, delta: false));
        File.WriteAllText(_workspace.ConfiguredFile, "plate,reason,priority\nCONF111,x,high\n");

        var e = Assert.Throws<HotlistFormatException>(() => _workspace.Store.LoadNewest(_workspace.ConfiguredFile));

        Assert.Contains($"{_workspace.ConfiguredFile}: not a signed document", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_That_Are_Not_Stored_Versions_Are_Ignored()
    {
        File.WriteAllText(Path.Combine(_workspace.Store.DirectoryPath, "hotlist-vlatest.json"), "{}");
        File.WriteAllText(Path.Combine(_workspace.Store.DirectoryPath, "hotlist-v9.json.tmp"), "half a wri");

        var loaded = _workspace.Store.LoadNewest(_workspace.ConfiguredFile).Hotlist;

        Assert.Equal(1, loaded.Version);
    }

    public void Dispose() => _workspace.Dispose();
}
