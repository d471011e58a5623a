using System.Text.Json;
using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Footage;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Footage;

/// <summary>The <c>footage.request</c> command: taken as pending, or refused at once with the reason (docs/footage.md, "The request").</summary>
public sealed class FootageRequestIntakeTests(FootageSegmentsFixture segments) : IClassFixture<FootageSegmentsFixture>
{
    [Fact]
    public void A_Good_Request_Is_Stored_Pending_Audited_And_Answered_Ok()
    {
        using var box = Recorded();

        var outcome = box.NewProcessor().Process(FootageBox.Command("fr-2026-12-06-0001", FootageBox.Footage()), box.Clock.GetUtcNow());

        Assert.True(outcome.Ok, outcome.Error);
        var request = Assert.Single(box.Requests.List());
        Assert.Equal("fr-2026-12-06-0001", request.RequestId);
        Assert.Equal(FootageStates.Pending, request.State);
        Assert.Equal("2026-004512", request.Spec.CaseNumber);
        Assert.Equal(["gate"], request.Spec.Cameras);
        Assert.Equal("white van, rear door", request.Spec.Note);
        Assert.Equal(FootageBox.Now, request.ReceivedAt);
        Assert.Equal(FootageBox.Now + TimeSpan.FromDays(FootageTerms.Default.AnswerWithinDays), request.ExpiresAt);

        var received = Assert.Single(box.AuditRecords(AuditKinds.FootageReceived));
        Assert.Equal("fr-2026-12-06-0001", received.Field(AuditFields.RequestId));
        Assert.Equal("2026-004512", received.Field(AuditFields.CaseNumber));
        Assert.Equal(new AuditPositionJson(received.Seq, received.Hash), request.ReceivedAudit);
        Assert.Contains("Received footage request fr-2026-12-06-0001 (case 2026-004512) for burglary from Det. A. Ruiz #4411", AuditText.Describe(received), StringComparison.Ordinal);
        Assert.Empty(box.AuditRecords(AuditKinds.FootageRefused));
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "fr-1", FootageBox.Footage(caseNumber: ""), "no case number" },
        { "fr-2", """{"reason_code":"burglary","officer":"x","cameras":["gate"],"from":"2026-12-06T14:00:04Z","to":"2026-12-06T14:00:12Z"}""", "no case number" },
        { "fr-3", FootageBox.Footage(from: "2026-12-06T01:00:00Z", to: "2026-12-06T14:00:12Z"), "longer than the agreement's max_window_hours of 12 h" },
        { "fr-4", FootageBox.Footage(cameras: "[\"garage\"]"), "camera 'garage' is not on this device; its cameras: gate, yard" },
        { "fr-5", FootageBox.Footage(from: "2026-12-06T13:00:00Z", to: "2026-12-06T13:30:00Z"), "before the oldest video held for camera 'gate' (from 2026-12-06T14:00:00.000Z)" },
        { "fr-6", FootageBox.Footage(from: "2026-12-06T15:10:00Z", to: "2026-12-06T15:20:00Z"), "the window begins in the future" },
        { "fr-7", FootageBox.Footage(cameras: "[\"yard\"]"), "no video is held for camera 'yard'" },
        { "fr-8", FootageBox.Footage(from: "2026-12-06T14:00:12Z", to: "2026-12-06T14:00:04Z"), "footage.from (2026-12-06T14:00:12.000Z) must be before footage.to" },
        { "fr-9", FootageBox.Footage(from: "2026-12-06T14:00:04"), "footage.from '2026-12-06T14:00:04' is not an ISO 8601 time with offset" },
        { "fr-10", FootageBox.Footage(reasonCode: "Burglary!"), "footage.reason_code 'Burglary!' must be lower-case" },
        { "fr-11", FootageBox.Footage(officer: ""), "footage.officer is empty" },
        { "fr-12", FootageBox.Footage(cameras: "[]"), "footage.cameras must name 1 to 16 cameras, found 0" },
        { "fr-13", FootageBox.Footage(cameras: "[\"gate\",\"gate\"]"), "footage.cameras names camera 'gate' twice" },
        { "fr-14", FootageBox.Footage(note: new string('n', 1001)), "footage.note of 1001 characters exceeds the 1000-character limit" },
        { "fr-15", FootageBox.Footage(caseNumber: new string('9', 65)), "footage.case_number of 65 characters exceeds the 64-character limit" },
        { "fr-16", "\"not an object\"", "footage.request needs \"footage\"" },
        { "fr/17", FootageBox.Footage(), "must be 1 to 64 characters of A-Z, a-z, 0-9" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_Bad_Request_Is_Refused_At_Once_With_The_Reason_And_Nothing_Stored(string id, string footage, string reason)
    {
        using var box = Recorded();

        var outcome = box.NewProcessor().Process(FootageBox.Command(id, footage), box.Clock.GetUtcNow());

        Assert.False(outcome.Ok, $"request {id} was accepted; expected refusal: {reason}");
        Assert.Contains(reason, outcome.Error, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(outcome.ResultPayload!);
        Assert.False(result.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains(reason, result.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(box.Requests.List());
        var refused = Assert.Single(box.AuditRecords(AuditKinds.FootageRefused));
        Assert.Contains(reason, refused.Field(AuditFields.Reason), StringComparison.Ordinal);
        Assert.Contains($"#{refused.Seq}  Refused footage request", AuditText.Describe(refused), StringComparison.Ordinal);
        Assert.Empty(box.AuditRecords(AuditKinds.FootageReceived));
    }

    [Fact]
    public void Without_An_Agreement_In_Force_Every_Request_Is_Refused()
    {
        using var box = new FootageBox(withAgreement: false);
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);

        var outcome = box.NewProcessor().Process(FootageBox.Command("fr-none", FootageBox.Footage()), box.Clock.GetUtcNow());

        Assert.False(outcome.Ok);
        Assert.Equal("no data-sharing agreement in force: footage requests need one", outcome.Error);
        Assert.Empty(box.Requests.List());
    }

    [Fact]
    public void The_Agreements_Max_Window_Decides_The_Longest_Window()
    {
        using var box = new FootageBox(agreement: TestAgency.Agreement(1) with { Footage = new FootageTerms(72, 1, 7) });
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);

        var outcome = box.NewProcessor().Process(FootageBox.Command("fr-long", FootageBox.Footage(from: "2026-12-06T13:30:00Z", to: "2026-12-06T14:30:01Z")), box.Clock.GetUtcNow());

        Assert.False(outcome.Ok);
        Assert.Contains("the window of 1 h is longer than the agreement's max_window_hours of 1 h", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Redelivered_Request_Is_Answered_As_Before_And_Stored_Once_Even_After_A_Restart()
    {
        using var box = Recorded();
        var command = FootageBox.Command("fr-again", FootageBox.Footage());
        var processor = box.NewProcessor();

        var first = processor.Process(command, box.Clock.GetUtcNow());
        var repeated = processor.Process(command, box.Clock.GetUtcNow());
        box.Reopen();
        var afterRestart = box.NewProcessor().Process(command, box.Clock.GetUtcNow());
        var reused = box.NewProcessor().Process(FootageBox.Command("fr-again", FootageBox.Footage(caseNumber: "other")), box.Clock.GetUtcNow());

        Assert.True(first.Ok, first.Error);
        Assert.True(repeated.Ok && repeated.Repeated);
        Assert.True(afterRestart.Ok, afterRestart.Error);
        Assert.False(reused.Ok);
        Assert.Contains("request id 'fr-again' was already used for a different footage request", reused.Error, StringComparison.Ordinal);
        Assert.Single(box.Requests.List());
        Assert.Single(box.AuditRecords(AuditKinds.FootageReceived));
    }

    private FootageBox Recorded()
    {
        var box = new FootageBox();
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);
        return box;
    }
}
