using EdgeIngest.Audit;
using EdgeIngest.Footage;

namespace EdgeIngest.Tests.Footage;

/// <summary>The owner's answers (approve all, a shorter window, decline with a reason) and expiry, with their audit and status events.</summary>
public sealed class FootageAnswerTests(FootageSegmentsFixture segments) : IClassFixture<FootageSegmentsFixture>
{
    private static readonly DateTimeOffset From = new(2026, 12, 6, 14, 0, 4, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 6, 14, 0, 12, TimeSpan.Zero);

    [Fact]
    public void Approving_The_Whole_Window_Is_Audited_Stored_And_Sent_As_Status()
    {
        using var box = Pending("fr-whole");

        var result = box.Requests.Approve("fr-whole", From, To, FootageRequests.ConsoleOwner);

        Assert.True(result.Ok, result.Error);
        var request = result.Request!;
        Assert.Equal(FootageStates.Approved, request.State);
        Assert.Equal((From, To), (request.Answer!.ApprovedFrom, request.Answer.ApprovedTo));
        Assert.Equal(FootageRequests.ConsoleOwner, request.Answer.By);
        var approved = Assert.Single(box.AuditRecords(AuditKinds.FootageApproved));
        Assert.Equal(new AuditPositionJson(approved.Seq, approved.Hash), request.Answer.Audit);
        Assert.Contains("The owner (owner (console)) approved footage request fr-whole (case 2026-004512): cameras gate, 2026-12-06T14:00:04.000Z to 2026-12-06T14:00:12.000Z", AuditText.Describe(approved), StringComparison.Ordinal);

        var status = Assert.Single(box.StatusEvents());
        Assert.Equal(FootageStatusEvent.SchemaV1, status.Schema);
        Assert.Equal(("fr-whole", "gate-01", "2026-004512", FootageStates.Approved), (status.RequestId, status.DeviceId, status.CaseNumber, status.State));
        Assert.Equal((From, To), (status.ApprovedFrom!.Value, status.ApprovedTo!.Value));
        Assert.Equal(request.Answer.Audit, status.AuditPosition);
        Assert.Equal(FootageRequests.ConsoleOwner, status.By);

        // The status event leaves the outbox by its ack key, footage-status/{event_id}.
        Assert.Equal(1, box.Confirm(box.Waiting().Where(m => m.Topic == FootageBox.Topics.FootageStatus)));
    }

    [Fact]
    public void A_Shorter_Window_Inside_The_Request_Is_Approved_And_One_Outside_Is_Not()
    {
        using var box = Pending("fr-short");

        var before = box.Requests.Approve("fr-short", From - TimeSpan.FromSeconds(1), To, "owner");
        var after = box.Requests.Approve("fr-short", From, To + TimeSpan.FromMilliseconds(1), "owner");
        var empty = box.Requests.Approve("fr-short", To, From, "owner");
        var shorter = box.Requests.Approve("fr-short", From + TimeSpan.FromSeconds(2), To - TimeSpan.FromSeconds(2), "owner");
        var again = box.Requests.Approve("fr-short", From, To, "owner");

        Assert.False(before.Ok);
        Assert.Contains("lies outside the requested window 2026-12-06T14:00:04.000Z to 2026-12-06T14:00:12.000Z", before.Error, StringComparison.Ordinal);
        Assert.False(after.Ok);
        Assert.Contains("lies outside the requested window", after.Error, StringComparison.Ordinal);
        Assert.False(empty.Ok);
        Assert.Contains("must end after it begins", empty.Error, StringComparison.Ordinal);
        Assert.True(shorter.Ok, shorter.Error);
        Assert.Equal(From + TimeSpan.FromSeconds(2), shorter.Request!.Answer!.ApprovedFrom);
        Assert.False(again.Ok);
        Assert.Contains("footage request fr-short was already answered (approved by owner", again.Error, StringComparison.Ordinal);
        Assert.Single(box.AuditRecords(AuditKinds.FootageApproved));
    }

    [Fact]
    public void A_Decline_Needs_A_Reason_And_Is_Audited_And_Sent_With_It()
    {
        using var box = Pending("fr-no");

        var blank = box.Requests.Decline("fr-no", "  ", "owner");
        var declined = box.Requests.Decline("fr-no", "no camera covers the street", "owner");
        var unknown = box.Requests.Decline("fr-nobody", "no", "owner");

        Assert.False(blank.Ok);
        Assert.Equal("a decline needs a reason: the agency is told why", blank.Error);
        Assert.True(declined.Ok, declined.Error);
        Assert.Equal(FootageStates.Declined, declined.Request!.State);
        Assert.Equal("no camera covers the street", declined.Request.Answer!.DeclineReason);
        Assert.False(unknown.Ok);
        Assert.Equal("there is no footage request 'fr-nobody'", unknown.Error);
        var record = Assert.Single(box.AuditRecords(AuditKinds.FootageDeclined));
        Assert.Contains("The owner (owner) declined footage request fr-no (case 2026-004512): no camera covers the street.", AuditText.Describe(record), StringComparison.Ordinal);
        var status = Assert.Single(box.StatusEvents());
        Assert.Equal((FootageStates.Declined, "no camera covers the street"), (status.State, status.Reason));
        Assert.Null(status.ApprovedFrom);
        Assert.False(box.Requests.Approve("fr-no", From, To, "owner").Ok);
    }

    [Fact]
    public void A_Request_Not_Answered_In_Time_Expires_And_Can_No_Longer_Be_Approved()
    {
        using var box = Pending("fr-late");
        var expires = box.Requests.Get("fr-late")!.ExpiresAt;

        box.Clock.SetUtcNow(expires - TimeSpan.FromSeconds(1));
        Assert.Equal(0, box.Requests.ExpireDue());
        box.Clock.SetUtcNow(expires);
        Assert.Equal(1, box.Requests.ExpireDue());
        Assert.Equal(0, box.Requests.ExpireDue());

        Assert.Equal(FootageStates.Expired, box.Requests.Get("fr-late")!.State);
        var record = Assert.Single(box.AuditRecords(AuditKinds.FootageExpired));
        Assert.Contains("Footage request fr-late (case 2026-004512) expired: the owner did not answer by", AuditText.Describe(record), StringComparison.Ordinal);
        var status = Assert.Single(box.StatusEvents());
        Assert.Equal((FootageStates.Expired, new AuditPositionJson(record.Seq, record.Hash)), (status.State, status.AuditPosition));
        var late = box.Requests.Approve("fr-late", From, To, "owner");
        Assert.False(late.Ok);
        Assert.Contains("expired at", late.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Approval_After_The_Answer_Time_Expires_The_Request_Instead()
    {
        using var box = Pending("fr-past");
        box.Clock.Advance(TimeSpan.FromDays(8));

        var late = box.Requests.Approve("fr-past", From, To, "owner");

        Assert.False(late.Ok);
        Assert.Contains("footage request fr-past expired at", late.Error, StringComparison.Ordinal);
        Assert.Equal(FootageStates.Expired, box.Requests.Get("fr-past")!.State);
        Assert.Single(box.AuditRecords(AuditKinds.FootageExpired));
    }

    [Fact]
    public void The_List_Puts_Pending_First_And_Survives_A_Restart()
    {
        using var box = Pending("fr-a");
        box.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(box.NewProcessor().Process(FootageBox.Command("fr-b", FootageBox.Footage()), box.Clock.GetUtcNow()).Ok);
        box.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(box.NewProcessor().Process(FootageBox.Command("fr-c", FootageBox.Footage()), box.Clock.GetUtcNow()).Ok);
        Assert.True(box.Requests.Decline("fr-a", "not ours", "owner").Ok);

        box.Reopen();

        Assert.Equal(["fr-b", "fr-c", "fr-a"], box.Requests.List().Select(r => r.RequestId));
        Assert.Equal("not ours", box.Requests.Get("fr-a")!.Answer!.DeclineReason);
    }

    private FootageBox Pending(string id)
    {
        var box = new FootageBox();
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);
        var outcome = box.NewProcessor().Process(FootageBox.Command(id, FootageBox.Footage()), box.Clock.GetUtcNow());
        Assert.True(outcome.Ok, outcome.Error);
        return box;
    }
}
