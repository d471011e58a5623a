using System.Diagnostics;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// A backlog drained over a poor link: the device's link is down for 20 s while hits and clips
/// queue, then comes back as 100 ms round trip, with 10 % of chunks stalled 600 ms (a lost segment
/// waiting for its retransmission). Connections cut mid-stream are the broker kill scenarios' part.
/// </summary>
[Trait("Category", "Faults")]
public sealed class SlowLinkTests(AgencyPki pki)
{
    [Fact]
    public async Task A_Backlog_Drains_Over_A_Slow_Lossy_Link_Without_Losing_A_Hit_Or_Clip()
    {
        var wall = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions { SlowLink = true });
        var relay = rig.Relay!;
        relay.Close();
        var known = rig.Tally.QueuedEvents().Count;
        await rig.WaitForNextHitAsync(known, FaultTiming.HitPatience);
        await rig.WaitForNextHitAsync(known + 1, FaultTiming.HitPatience);
        await Task.Delay(TimeSpan.FromSeconds(6), FaultTiming.Cancellation); // the last clip's post-roll

        relay.OneWay = TimeSpan.FromMilliseconds(50);
        relay.StallProbability = 0.1;
        relay.Open();
        var recovering = Stopwatch.StartNew();

        var counted = await rig.CountAsync("slow-link-backlog", recovering, wall);

        // Read after the drain: the relay counts the stalls it caused during it.
        var figures = counted with
        {
            Measured = new Dictionary<string, double>
            {
                ["one_way_delay_ms"] = 50,
                ["stalls"] = relay.Stalls,
            },
        };
        figures.ReportAndAssertNothingLost();
    }
}
