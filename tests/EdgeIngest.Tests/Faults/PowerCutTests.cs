using System.Diagnostics;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// A power cut: the service, the broker and the receiver SIGKILLed at the same moment, 1 s after a
/// hit (its clip still in post-roll, the hit in flight), then the broker, the receiver and the
/// service started again on their data folders.
/// </summary>
[Trait("Category", "Faults")]
public sealed class PowerCutTests(AgencyPki pki)
{
    [Fact]
    public async Task Service_Broker_And_Receiver_Killed_At_Once_Lose_No_Hit_And_No_Promised_Clip()
    {
        var wall = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions());
        await rig.WaitForNextHitAsync(rig.Tally.QueuedEvents().Count, FaultTiming.HitPatience);
        await Task.Delay(1000, FaultTiming.Cancellation);

        await Task.WhenAll(rig.Service.KillAsync(), rig.Broker.StopAsync(), rig.Receiver!.KillAsync());
        await Task.Delay(2000, FaultTiming.Cancellation);

        var start = Stopwatch.StartNew();
        await rig.Broker.StartAgainAsync();
        await rig.StartReceiverAsync();
        await rig.Service.RestartAsync();
        await rig.Service.WaitForAsync(l => l.Count(x => x.Contains("Connected to the agency broker", StringComparison.Ordinal)) > 1, FaultTiming.HitPatience, "the restarted service connected");
        var allUp = start.Elapsed.TotalSeconds;

        var figures = await rig.CountAsync("power-cut", start, wall, new Dictionary<string, double>
        {
            ["all_started_and_connected_s"] = allUp,
        });
        figures.ReportAndAssertNothingLost();
    }
}
