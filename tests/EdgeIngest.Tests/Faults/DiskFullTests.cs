using System.Diagnostics;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// A full disk, as the outbox's budget (storage.outbox_budget_mb: 1, 20 s clips) makes it: with the broker
/// down, the clips queued behind the hits outgrow the budget. The hits are all kept and
/// delivered; every clip that had to go is reported to the agency as dropped.
/// </summary>
[Trait("Category", "Faults")]
public sealed class DiskFullTests(AgencyPki pki)
{
    /// <summary>The demo video's hits (~70 KB) and 20 s clips (~110 KB) pass 1 MB after about six.</summary>
    private const int Hits = 6;

    [Fact]
    public async Task An_Outbox_Over_Its_Budget_Keeps_Every_Hit_And_Reports_Each_Dropped_Clip()
    {
        var wall = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions { OutboxBudgetMb = 1, ClipRollSeconds = 10 });
        await rig.Broker.StopAsync();
        var known = rig.Tally.QueuedEvents().Count;
        for (var hit = 0; hit < Hits; hit++)
        {
            await rig.WaitForNextHitAsync(known + hit, FaultTiming.HitPatience);
        }

        // The last hit's clip is still recording its post-roll when the budget is already spent.
        await Task.Delay(12000, FaultTiming.Cancellation);
        var budgetDrops = rig.Service.Lines.Count(l => l.Contains("disk budget", StringComparison.Ordinal) && l.Contains("dropped the clip", StringComparison.Ordinal));
        await rig.Broker.StartAgainAsync();
        var recovering = Stopwatch.StartNew();

        var figures = await rig.CountAsync("disk-full-during-clip", recovering, wall, new Dictionary<string, double>
        {
            ["outbox_budget_mb"] = 1,
            ["clips_dropped_for_budget_logged"] = budgetDrops,
        });
        figures.ReportAndAssertNothingLost();
        Assert.True(figures.ClipsReportedDropped > 0, $"the budget dropped no clip ({budgetDrops} logged), so the full disk was not tested: {figures.Line()}");
    }
}
