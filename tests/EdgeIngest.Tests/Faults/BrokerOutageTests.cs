using System.Diagnostics;
using System.Globalization;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// The broker down for 60 s while the camera keeps producing hits: the hits wait in the outbox,
/// the service does not spin (its CPU read from /proc: what the outage adds to the 10 s just
/// before it with the broker up, since recognition of the passing cars costs the same in both), it
/// names the cause ("refused": nothing listens on the port), and it is back within 2 s of the
/// broker's return (asserted with margin: under 4 s).
/// </summary>
[Trait("Category", "Faults")]
public sealed class BrokerOutageTests(AgencyPki pki)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BaselineWindow = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Broker_Down_For_60_S_Keeps_The_Hits_Costs_No_Core_Names_The_Cause_And_Reconnects_Within_2_S()
    {
        var wall = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions());
        await rig.WaitForNextHitAsync(0, FaultTiming.HitPatience);

        var pid = rig.Service.ProcessId;
        var baselineCpu = ProcessCpu.Read(pid);
        var baselineClock = Stopwatch.StartNew();
        await Task.Delay(BaselineWindow, FaultTiming.Cancellation);
        var cpuUp = ProcessCpu.ShareOfOneCore(baselineCpu, ProcessCpu.Read(pid), baselineClock.Elapsed);

        await rig.Broker.StopAsync();
        var down = DateTime.UtcNow;
        var queuedBefore = rig.Tally.QueuedEvents().Count;

        // The first seconds hold the disconnect itself; the average is over the rest of the outage.
        await Task.Delay(TimeSpan.FromSeconds(5), FaultTiming.Cancellation);
        var outageCpu = ProcessCpu.Read(pid);
        var outageClock = Stopwatch.StartNew();
        await Task.Delay(Outage - TimeSpan.FromSeconds(5), FaultTiming.Cancellation);
        var cpuDown = ProcessCpu.ShareOfOneCore(outageCpu, ProcessCpu.Read(pid), outageClock.Elapsed);
        var queuedWhileDown = rig.Tally.QueuedEvents().Count - queuedBefore;
        var causes = rig.Service.TimedLines.Where(l => l.At >= down && l.Text.Contains("agency broker", StringComparison.Ordinal)).Select(l => l.Text).ToList();

        await rig.Broker.StartAgainAsync();
        var back = DateTime.UtcNow;
        var recovering = Stopwatch.StartNew();
        var deviceReconnect = await FaultTiming.WaitSecondsUntilAsync(rig.Service, back, "Connected to the agency broker", FaultTiming.RecoveryBound);
        var receiverReconnect = await FaultTiming.WaitSecondsUntilAsync(rig.Receiver!, back, "onnected to the agency broker", FaultTiming.RecoveryBound);

        var figures = await rig.CountAsync("broker-down-60s", recovering, wall, new Dictionary<string, double>
        {
            ["events_queued_while_down"] = queuedWhileDown,
            ["cpu_broker_up_share_of_core"] = cpuUp,
            ["cpu_broker_down_share_of_core"] = cpuDown,
            ["device_reconnect_s"] = deviceReconnect,
            ["receiver_reconnect_s"] = receiverReconnect,
        });
        figures.ReportAndAssertNothingLost();

        var figureLine = string.Create(CultureInfo.InvariantCulture, $"CPU down {cpuDown:P1} of a core (up {cpuUp:P1}); device back {deviceReconnect:0.00} s after the broker");
        Assert.True(queuedWhileDown > 0, $"no hit was queued during the outage, so none was kept: {figureLine}");
        Assert.True(cpuDown - cpuUp < 0.05, $"the outage added {cpuDown - cpuUp:P1} of a core to the service's average (limit 5 %); {figureLine}");
        Assert.True(causes.Any(c => c.Contains("refused", StringComparison.OrdinalIgnoreCase)),
            $"no log line named the cause 'refused'; the service said:\n{string.Join('\n', causes.Take(5))}");
        Assert.True(deviceReconnect < 4, $"the device reconnected {deviceReconnect:0.00} s after the broker's return (target 2 s, limit 4 s); {figureLine}");
    }
}
