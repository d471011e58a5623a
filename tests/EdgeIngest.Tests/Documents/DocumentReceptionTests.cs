using System.Text;
using System.Text.Json;
using EdgeIngest.Documents;
using EdgeIngest.Signing;
using EdgeIngest.Tests.Commands;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Documents;

/// <summary>
/// Every way a signed hotlist or agreement is refused leaves the list and agreement in force, is
/// audited with its reason and answered on command-results; accepted ones are stored, audited and
/// survive a restart. The device starts each test holding hotlist version 5.
/// </summary>
public sealed class DocumentReceptionTests : IDisposable
{
    private readonly CommandWorkspace _workspace = new();

    public DocumentReceptionTests()
    {
        Assert.True(Receive(TestAgency.SignHotlist("plate,reason,priority\nFIVE555,Listed in version 5,high\n", 5)).Accepted);
    }

    public static TheoryData<string, byte[], string> Refusals => new()
    {
        { "plain CSV", Encoding.UTF8.GetBytes("plate,reason,priority\nNEW666,Stolen,high\n"), RejectionReasons.Unsigned },
        { "envelope without signature", """{"schema":"edgeingest.signed/1","type":"hotlist","key_id":"x","payload":"e30="}"""u8.ToArray(), RejectionReasons.Unsigned },
        { "envelope with unreadable payload", """{"schema":"edgeingest.signed/1","type":"hotlist","key_id":"x","payload":"%%%","signature":"AAAA"}"""u8.ToArray(), RejectionReasons.Malformed },
        { "signed by another key", TestAgency.SignHotlist("NEW666,Stolen,high\n", 6, TestAgency.Stranger), RejectionReasons.UnknownKey },
        { "changed after signing", Tampered(TestAgency.SignHotlist("NEW666,Stolen,high\n", 6)), RejectionReasons.Forged },
        { "an agreement on the hotlist topic", TestAgency.SignAgreement(TestAgency.Agreement(1)), RejectionReasons.WrongType },
        { "an older version", TestAgency.SignHotlist("NEW666,Stolen,high\n", 4), RejectionReasons.Replay },
        { "the same version again", TestAgency.SignHotlist("NEW666,Stolen,high\n", 5), RejectionReasons.Replay },
        { "a delta against a version not held", TestAgency.SignDelta(7, 6, "NEW666,Stolen,high\n", []), RejectionReasons.BaseNotHeld },
        { "a signed payload with a bad entry", TestAgency.Key.Sign("hotlist", """{"schema":"edgeingest.hotlist/2","version":6,"issued_at":"2026-11-20T12:00:00Z","entries":[{"plate":"NEW666","category":"stolen","reason":"x"}]}"""u8.ToArray()).ToJson(), RejectionReasons.Malformed },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_Refused_Hotlist_Leaves_The_List_In_Force_And_Is_Audited_And_Answered_With_Its_Reason(string what, byte[] document, string reason)
    {
        var before = _workspace.Hotlists.Current;
        var storedBefore = _workspace.StoredFiles();

        var outcome = Receive(document);

        Assert.False(outcome.Accepted, what);
        Assert.Equal(reason, outcome.Reason);
        Assert.Same(before, _workspace.Hotlists.Current);
        Assert.Null(_workspace.Hotlists.Match("NEW666"));
        Assert.Equal(storedBefore, _workspace.StoredFiles());
        var audited = Assert.Single(_workspace.Audit.OfKind("hotlist_rejected"));
        Assert.Equal((reason, "hotlist_topic", "edgeingest/gate-01/hotlist"), (audited["reason"], audited["channel"], audited["source"]));
        using var answer = JsonDocument.Parse(outcome.ResultPayload!);
        Assert.False(answer.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(reason, answer.RootElement.GetProperty("reason").GetString());
        Assert.Equal(5, answer.RootElement.GetProperty("in_force_version").GetInt64());
        Assert.Equal(outcome.AnswerId, answer.RootElement.GetProperty("command_id").GetString());
    }

    [Fact]
    public void A_Delta_Against_The_Version_Held_Is_Applied_Stored_And_Survives_A_Restart()
    {
        var outcome = Receive(TestAgency.SignDelta(6, 5, "plate,category,reason,priority\nNEW666,amber_alert,Amber alert,critical\n", ["FIVE555"]));

        Assert.True(outcome.Accepted, outcome.Message);
        Assert.Equal(6, _workspace.Hotlists.Current.Version);
        Assert.NotNull(_workspace.Hotlists.Match("NEW666"));
        Assert.Null(_workspace.Hotlists.Match("FIVE555"));
        var audited = Assert.Single(_workspace.Audit.OfKind("hotlist_accepted"), r => r["version"] == "6");
        Assert.Equal(("hotlist-delta", "5", "1", "1"), (audited["document"], audited["base_version"], audited["upserts"], audited["removals"]));

        _workspace.Restart();

        Assert.Equal(6, _workspace.Hotlists.Current.Version);
        Assert.NotNull(_workspace.Hotlists.Match("NEW666"));
        Assert.Null(_workspace.Hotlists.Match("FIVE555"));
    }

    [Fact]
    public void The_Same_Retained_Document_Arriving_Again_Is_Neither_Audited_Nor_Answered_Twice()
    {
        var forged = Tampered(TestAgency.SignHotlist("NEW666,Stolen,high\n", 6));
        var first = Receive(forged);

        var again = Receive(forged);

        Assert.False(again.Accepted);
        Assert.True(again.Repeated);
        Assert.Null(again.ResultPayload);
        Assert.Equal(first.Reason, again.Reason);
        Assert.Single(_workspace.Audit.OfKind("hotlist_rejected"));
    }

    [Fact]
    public void After_A_Restart_The_List_In_Force_Arriving_Again_Is_No_Replay()
    {
        var seven = TestAgency.SignHotlist("SEVEN777,v7\n", 7);
        Assert.True(Receive(seven).Accepted);
        _workspace.Restart();

        var again = Receive(seven);

        Assert.True(again.Accepted);
        Assert.True(again.Repeated);
        Assert.Empty(_workspace.Audit.OfKind("hotlist_rejected"));
    }

    [Fact]
    public void A_List_That_Cannot_Be_Audited_Is_Not_Put_In_Force_Or_Kept()
    {
        var before = _workspace.Hotlists.Current;
        var storedBefore = _workspace.StoredFiles();
        _workspace.Audit.FailWith = new IOException("No space left on device");

        var outcome = Receive(TestAgency.SignHotlist("NEW666,Stolen,high\n", 6));

        Assert.Equal(RejectionReasons.NotStored, outcome.Reason);
        Assert.Contains("could not be audited: No space left on device", outcome.Message, StringComparison.Ordinal);
        Assert.Same(before, _workspace.Hotlists.Current);
        Assert.Equal(storedBefore, _workspace.StoredFiles());
    }

    [Fact]
    public void A_Newer_Agreement_Is_Accepted_And_Audited_And_An_Older_One_Is_Refused_As_A_Replay()
    {
        var accepted = _workspace.Reception.Receive(TestAgency.SignAgreement(TestAgency.Agreement(3)), DocumentChannel.AgreementTopic, "edgeingest/gate-01/agreement", CommandWorkspace.Now);
        var replay = _workspace.Reception.Receive(TestAgency.SignAgreement(TestAgency.Agreement(2)), DocumentChannel.AgreementTopic, "edgeingest/gate-01/agreement", CommandWorkspace.Now);
        var hotlistOnAgreementTopic = _workspace.Reception.Receive(TestAgency.SignHotlist("NEW666,x\n", 9), DocumentChannel.AgreementTopic, "edgeingest/gate-01/agreement", CommandWorkspace.Now);

        Assert.True(accepted.Accepted, accepted.Message);
        Assert.Equal(RejectionReasons.Replay, replay.Reason);
        Assert.Equal(RejectionReasons.WrongType, hotlistOnAgreementTopic.Reason);
        Assert.Equal(3, _workspace.Reception.Agreements.Current?.Version);
        var audited = Assert.Single(_workspace.Audit.OfKind("agreement_accepted"));
        Assert.Equal(("agr-test", "3", "stolen_vehicle", "hits_only"), (audited["agreement_id"], audited["version"], audited["allowed_categories"], audited["sharing_policy"]));
        Assert.Equal(2, _workspace.Audit.OfKind("agreement_rejected").Count());
        Assert.Equal(5, _workspace.Hotlists.Current.Version);

        _workspace.Restart();

        Assert.Equal(3, _workspace.Reception.Agreements.Current?.Version);
    }

    private DocumentOutcome Receive(byte[] document) =>
        _workspace.Reception.Receive(document, DocumentChannel.HotlistTopic, "edgeingest/gate-01/hotlist", CommandWorkspace.Now);

    /// <summary>The envelope with one plate in its payload changed, its signature kept.</summary>
    private static byte[] Tampered(byte[] envelope)
    {
        var document = SignedDocument.Parse(envelope, "t");
        var payload = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(document.Payload).Replace("NEW666", "NEW667", StringComparison.Ordinal));
        return (document with { Payload = payload }).ToJson();
    }

    public void Dispose() => _workspace.Dispose();
}
