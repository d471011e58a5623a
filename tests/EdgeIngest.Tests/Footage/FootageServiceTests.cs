using EdgeIngest.Audit;
using EdgeIngest.Footage;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Footage;

/// <summary>The footage loop of the appliance: holds set again at start, expiry on the clock, delivery woken by an approval and by the receiver's confirmations.</summary>
public sealed class FootageServiceTests(FootageSegmentsFixture segments) : IClassFixture<FootageSegmentsFixture>
{
    private static readonly DateTimeOffset From = new(2026, 12, 6, 14, 0, 4, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 6, 14, 0, 12, TimeSpan.Zero);

    [Fact]
    public void A_Pending_Window_Is_Held_Again_At_Start_And_Outlives_The_Age_Purge()
    {
        using var box = new FootageBox();
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);
        Assert.True(box.NewProcessor().Process(FootageBox.Command("fr-hold", FootageBox.Footage()), box.Clock.GetUtcNow()).Ok);

        // A restart: holds live in memory, the service sets them again before the first purge.
        box.Reopen();
        new FootageService(box.Requests, box.Delivery, box.Logs.CreateLogger("footage"), box.Clock).Prepare();
        box.Clock.Advance(TimeSpan.FromHours(80));
        box.Recording.Purge();

        var left = box.Recording.Segments("gate", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal([From, From + TimeSpan.FromSeconds(2), From + TimeSpan.FromSeconds(4), From + TimeSpan.FromSeconds(6)], left.Select(s => s.StartsAt));

        // Declined: the hold goes, and so does the video at the next purge.
        Assert.True(box.Requests.Decline("fr-hold", "no", "owner").Ok);
        box.Recording.Purge();
        Assert.Empty(box.Recording.Segments("gate", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task The_Loop_Expires_Unanswered_Requests_On_Time_And_Delivers_On_Approval()
    {
        using var box = new FootageBox();
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);
        var processor = box.NewProcessor();
        Assert.True(processor.Process(FootageBox.Command("fr-wait", FootageBox.Footage()), box.Clock.GetUtcNow()).Ok);
        await using var service = new FootageService(box.Requests, box.Delivery, box.Logs.CreateLogger("footage"), box.Clock);
        service.Start();

        Assert.True(box.Requests.Approve("fr-wait", From, To, "owner").Ok);
        await Eventually.HoldsAsync(
            () => box.Requests.Get("fr-wait")!.Delivery.ManifestQueued,
            TimeSpan.FromSeconds(10),
            () => $"the approval did not start the delivery: {box.Requests.Get("fr-wait")}");

        Assert.True(processor.Process(FootageBox.Command("fr-late", FootageBox.Footage()), box.Clock.GetUtcNow()).Ok);
        await Eventually.HoldsAdvancingAsync(
            () => box.Requests.Get("fr-late")!.State == FootageStates.Expired,
            box.Clock,
            TimeSpan.FromHours(12),
            TimeSpan.FromSeconds(20),
            () => $"not expired at {box.Clock.GetUtcNow():O}: {box.Requests.Get("fr-late")}");
        var expired = Assert.Single(box.AuditRecords(AuditKinds.FootageExpired));
        Assert.True(expired.AtTime >= box.Requests.Get("fr-late")!.ExpiresAt);
        await service.StopAsync();
    }

    [Fact]
    public async Task The_Receivers_Confirmation_Wakes_The_Loop_For_The_Next_Part_Before_Its_Tick()
    {
        // Parts small enough that the window makes several; the fake clock never moves, so the
        // loop's one-second tick never comes: only the confirmation can wake it.
        using var box = new FootageBox(maxPartBytes: 64 * 1024);
        box.Record("gate", segments.Files, FootageBox.RecordedFrom);
        Assert.True(box.NewProcessor().Process(FootageBox.Command("fr-wake", FootageBox.Footage()), box.Clock.GetUtcNow()).Ok);
        await using var service = new FootageService(box.Requests, box.Delivery, box.Logs.CreateLogger("footage"), box.Clock);
        service.Start();
        Assert.True(box.Requests.Approve("fr-wake", From, To, "owner").Ok);
        await Eventually.HoldsAsync(
            () => box.Requests.Get("fr-wake")!.Delivery.PartsStored == 1,
            TimeSpan.FromSeconds(10),
            () => $"the approval did not store the first part: {box.Requests.Get("fr-wake")!.Delivery}");
        Assert.True(box.Requests.Get("fr-wake")!.Delivery.PartsTotal > 2, "the window makes too few parts to show a wake");

        for (var part = 2; part <= 3; part++)
        {
            Assert.True(box.Confirm(box.Waiting()) > 0, "nothing was waiting for the receiver's confirmation");
            var expected = part;
            await Eventually.HoldsAsync(
                () => box.Requests.Get("fr-wake")!.Delivery.PartsStored == expected,
                TimeSpan.FromSeconds(10),
                () => $"part {expected - 1} was not stored after the confirmation, with the clock standing still: {box.Requests.Get("fr-wake")!.Delivery}");
        }

        await service.StopAsync();
    }
}
