using System.Diagnostics;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// The agency broker killed with SIGKILL mid-stream (no store saved, no DISCONNECT sent) and
/// started again on the same port with the same persistence folder. Whatever the device queued
/// must reach the receiver: a hit the broker acknowledged but never passed on included.
/// </summary>
[Trait("Category", "Faults")]
public sealed class BrokerCrashTests(AgencyPki pki)
{
    [Fact]
    public async Task Broker_Killed_Twice_With_The_Receiver_Online_Loses_No_Hit_And_No_Clip()
    {
        var wall = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions());
        var recovering = Stopwatch.StartNew();
        var deviceReconnect = new List<double>();
        var receiverReconnect = new List<double>();
        foreach (var afterHit in new[] { TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(400) })
        {
            // Right after a hit left the device: the broker has it (or is about to) and may not have passed it on.
            await rig.WaitForNextHitAsync(rig.Tally.QueuedEvents().Count, FaultTiming.HitPatience);
            await Task.Delay(afterHit, FaultTiming.Cancellation);
            await rig.Broker.StopAsync();
            await Task.Delay(1000, FaultTiming.Cancellation);
            await rig.Broker.StartAgainAsync();
            recovering.Restart();
            var back = DateTime.UtcNow;
            deviceReconnect.Add(await FaultTiming.WaitSecondsUntilAsync(rig.Service, back, "Connected to the agency broker", FaultTiming.RecoveryBound));
            receiverReconnect.Add(await FaultTiming.WaitSecondsUntilAsync(rig.Receiver!, back, "onnected to the agency broker", FaultTiming.RecoveryBound));
        }

        var figures = await rig.CountAsync("broker-kill-receiver-online", recovering, wall, new Dictionary<string, double>
        {
            ["broker_kills"] = 2,
            ["device_reconnect_max_s"] = deviceReconnect.Max(),
            ["receiver_reconnect_max_s"] = receiverReconnect.Max(),
        });
        figures.ReportAndAssertNothingLost();
    }

    [Fact]
    public async Task Broker_Killed_While_The_Receiver_Is_Offline_Loses_No_Hit_It_Had_Acknowledged()
    {
        var wall = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions());

        // The receiver's persistent session stays on the broker; the device's hits wait there for it.
        await rig.Receiver!.KillAsync();
        var known = rig.Tally.QueuedEvents().Count;
        await rig.WaitForNextHitAsync(known, FaultTiming.HitPatience);
        await rig.WaitForNextHitAsync(known + 1, FaultTiming.HitPatience);
        await Task.Delay(1000, FaultTiming.Cancellation);
        await rig.Broker.StopAsync();
        await Task.Delay(1000, FaultTiming.Cancellation);
        await rig.Broker.StartAgainAsync();
        var recovering = Stopwatch.StartNew();
        await rig.StartReceiverAsync();

        var figures = await rig.CountAsync("broker-kill-receiver-offline", recovering, wall);
        figures.ReportAndAssertNothingLost();
    }
}
