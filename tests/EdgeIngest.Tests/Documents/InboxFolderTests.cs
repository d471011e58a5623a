using EdgeIngest.Documents;
using EdgeIngest.Tests.Commands;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Documents;

/// <summary>Signed documents dropped into {storage}/inbox/ by an agency without MQTT.</summary>
public sealed class InboxFolderTests : IDisposable
{
    private readonly CommandWorkspace _workspace = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly InboxFolder _inbox;

    public InboxFolderTests()
    {
        _inbox = new InboxFolder(_workspace.StorageDirectory, _workspace.Reception, _workspace.Logger, time: _clock);
        Directory.CreateDirectory(_inbox.DirectoryPath);
    }

    [Fact]
    public void A_Valid_File_Is_Put_In_Force_And_Moved_To_Accepted()
    {
        var list = TestAgency.SignHotlist("NEW666,Stolen,high\n", 6);
        File.WriteAllBytes(Path.Combine(_inbox.DirectoryPath, "list-v6.json"), list);

        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, _inbox.ScanOnce());

        Assert.Equal(6, _workspace.Hotlists.Current.Version);
        Assert.Equal(list, File.ReadAllBytes(Path.Combine(_inbox.AcceptedPath, "list-v6.json")));
        Assert.Empty(Directory.GetFiles(_inbox.DirectoryPath));
        Assert.Equal("inbox_file", Assert.Single(_workspace.Audit.OfKind("hotlist_accepted"), r => r["version"] == "6")["channel"]);
    }

    [Fact]
    public void A_File_Signed_By_Another_Key_Is_Moved_To_Rejected_With_Its_Reason_And_Changes_Nothing()
    {
        var before = _workspace.Hotlists.Current;
        File.WriteAllBytes(Path.Combine(_inbox.DirectoryPath, "list.json"), TestAgency.SignHotlist("NEW666,Stolen,high\n", 6, TestAgency.Stranger));
        File.WriteAllText(Path.Combine(_inbox.DirectoryPath, "agreement.json"), "not signed at all");

        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(2, _inbox.ScanOnce());

        Assert.Same(before, _workspace.Hotlists.Current);
        Assert.StartsWith("unknown_key: ", File.ReadAllText(Path.Combine(_inbox.RejectedPath, "list.json.reason.txt")), StringComparison.Ordinal);
        Assert.StartsWith("unsigned: ", File.ReadAllText(Path.Combine(_inbox.RejectedPath, "agreement.json.reason.txt")), StringComparison.Ordinal);
        Assert.Equal(["unknown_key", "unsigned"], _workspace.Audit.OfKind("hotlist_rejected").Select(r => r["reason"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_File_Still_Being_Written_Or_Named_As_Temporary_Is_Left_For_Later()
    {
        File.WriteAllBytes(Path.Combine(_inbox.DirectoryPath, "fresh.json"), TestAgency.SignHotlist("NEW666,Stolen,high\n", 6));
        File.WriteAllText(Path.Combine(_inbox.DirectoryPath, "copying.json.part"), "{");

        Assert.Equal(0, _inbox.ScanOnce());

        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, _inbox.ScanOnce());
        Assert.Equal(6, _workspace.Hotlists.Current.Version);
        Assert.True(File.Exists(Path.Combine(_inbox.DirectoryPath, "copying.json.part")));
    }

    [Fact]
    public void An_Agreement_File_Is_Accepted_Too()
    {
        File.WriteAllBytes(Path.Combine(_inbox.DirectoryPath, "agreement.json"), TestAgency.SignAgreement(TestAgency.Agreement(1)));

        _clock.Advance(TimeSpan.FromSeconds(3));
        _inbox.ScanOnce();

        Assert.Equal(1, _workspace.Reception.Agreements.Current?.Version);
        Assert.True(File.Exists(Path.Combine(_inbox.AcceptedPath, "agreement.json")));
    }

    public void Dispose()
    {
        _inbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _workspace.Dispose();
    }
}
