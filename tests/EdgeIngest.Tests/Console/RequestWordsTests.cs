using EdgeIngest.Footage;
using EdgeIngest.WebConsole.Views;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>How the Requests page says windows and lengths, and reads the shorter window's inputs back.</summary>
public sealed class RequestWordsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.CreateCustomTimeZone("test+01", TimeSpan.FromHours(1), "test+01", "test+01");

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(30 * 60, "30 min")]
    [InlineData((30 * 60) + 5, "30 min 5 s")]
    [InlineData(12 * 3600, "12 h")]
    [InlineData((3600 * 1) + (30 * 60), "1 h 30 min")]
    public void A_Length_Is_Said_As_A_Person_Says_It(int seconds, string expected) =>
        Assert.Equal(expected, PlainWords.Length(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Expiry_Is_Said_As_Time_Left()
    {
        Assert.Equal("in 6 days", PlainWords.Until(TimeSpan.FromDays(6.2)));
        Assert.Equal("in 5 h", PlainWords.Until(TimeSpan.FromHours(5)));
        Assert.Equal("in 12 min", PlainWords.Until(TimeSpan.FromMinutes(12)));
        Assert.Equal("now", PlainWords.Until(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void A_Window_Is_Shown_In_The_Box_Time_Zone_With_Its_Offset()
    {
        var from = new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal("2026-12-06 15:00:00 to 15:30:00 UTC+01:00", PlainWords.LocalWindow(from, from.AddMinutes(30), Berlin));
        Assert.Equal("2026-12-06 14:00:00 to 14:30:00 UTC", PlainWords.LocalWindow(from, from.AddMinutes(30), TimeZoneInfo.Utc));
        Assert.Equal("2026-12-06 23:00:00 UTC to 2026-12-07 01:00:00 UTC", PlainWords.LocalWindow(from.AddHours(9), from.AddHours(11), TimeZoneInfo.Utc));
    }

    [Fact]
    public void The_Inputs_Are_Written_And_Read_In_The_Box_Time_Zone()
    {
        var at = new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal("2026-12-06T15:00", WindowInput.Write(at, Berlin));
        Assert.Equal("2026-12-06T15:00:07", WindowInput.Write(at.AddSeconds(7), Berlin));

        Assert.True(WindowInput.TryRead("2026-12-06T15:10", "start", Berlin, at, out var read, out _));
        Assert.Equal(at.AddMinutes(10), read);

        // Within a second of the requested bound is that bound (the input shows whole seconds).
        var bound = at.AddMilliseconds(250);
        Assert.True(WindowInput.TryRead("2026-12-06T15:00", "start", Berlin, bound, out read, out _));
        Assert.Equal(bound, read);

        Assert.False(WindowInput.TryRead("", "end", Berlin, at, out _, out var missing));
        Assert.Equal("the end of the window is missing: give a date and time", missing);
        Assert.False(WindowInput.TryRead("6 Dec 15:00", "start", Berlin, at, out _, out var malformed));
        Assert.Contains("'6 Dec 15:00', is not a date and time", malformed, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Answered_Request_Says_Its_Outcome_And_How_Far_The_Delivery_Got()
    {
        var received = new DateTimeOffset(2026, 12, 6, 15, 0, 0, TimeSpan.Zero);
        var spec = new FootageRequestSpec("2026-004512", "burglary", "Det. A. Ruiz #4411", ["gate"], received.AddHours(-1), received.AddMinutes(-30));
        var approval = new FootageAnswer(FootageRequests.ConsoleOwner, received.AddHours(1), spec.From.AddMinutes(5), spec.From.AddMinutes(20), null, new AuditPositionJson(12, "ab"));
        FootageRequest Request(string state, FootageAnswer? answer, FootageDeliveryProgress delivery, string? failure = null) =>
            new($"fr-{state}", spec, state, received, received.AddDays(7), new AuditPositionJson(11, "aa"), answer, delivery, state is "delivered" or "failed" or "expired" ? received.AddHours(2) : null, failure);

        var view = RequestsView.Of(
            [
                Request(FootageStates.Pending, null, FootageDeliveryProgress.None),
                Request(FootageStates.Approved, approval, FootageDeliveryProgress.None),
                Request("sending", approval, new FootageDeliveryProgress(3, 2, 1, 20 * 1024 * 1024, true, null)) with { State = FootageStates.Approved },
                Request(FootageStates.Delivered, approval, new FootageDeliveryProgress(3, 3, 3, 20 * 1024 * 1024, true, received.AddHours(1.5))),
                Request(FootageStates.Failed, approval, new FootageDeliveryProgress(3, 2, 1, 20 * 1024 * 1024, true, null), "segment gate/0001.ts went before it could be sent"),
                Request(FootageStates.Declined, approval with { ApprovedFrom = null, ApprovedTo = null, DeclineReason = "not our street" }, FootageDeliveryProgress.None),
                Request(FootageStates.Expired, null, FootageDeliveryProgress.None),
            ],
            received.AddDays(1),
            TimeZoneInfo.Utc);

        var pending = Assert.Single(view.Pending);
        Assert.Equal("in 6 days", pending.ExpiresIn);
        Assert.Equal("2026-12-06 14:00:00 to 14:30:00 UTC", pending.Window);
        Assert.Equal(["start", "middle", "end"], pending.Stills.Select(s => s.Point));
        Assert.Equal("14:15:00", pending.Stills[1].Clock);

        Assert.Equal(
            [
                "Approved: being sent|Preparing the video for sending.",
                "Approved: being sent|2 of 3 parts (20 MB) stored for sending; 1 confirmed by the agency's receiver.",
                "Approved and delivered|Delivered: all 3 parts (20 MB) confirmed by the agency's receiver at 2026-12-06 17:00:00 UTC.",
                "Approved, but the delivery failed|Failed at 2026-12-06 17:00:00 UTC: segment gate/0001.ts went before it could be sent. 1 of 3 parts had been confirmed by the agency's receiver.",
                "Declined|Nothing was sent.",
                "Expired unanswered|Nothing was sent.",
            ],
            view.Answered.Select(r => $"{r.Outcome}|{r.Delivery}"));
        Assert.Equal("2026-12-06 14:05:00 to 14:20:00 UTC (15 min)", view.Answered[0].ApprovedWindow);
        Assert.Equal("Approved by owner (console) at 2026-12-06 16:00:00 UTC.", view.Answered[0].Answer);
        Assert.Equal("not our street", view.Answered[4].DeclineReason);
        Assert.Equal("Not answered by 2026-12-13 15:00:00 UTC: it expired.", view.Answered[5].Answer);
    }
}
