using System.Diagnostics;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// The receiver killed with SIGKILL three times while hits and clips flow, each time within a
/// moment of a hit leaving the device (while the receiver takes it in), and started again at once.
/// </summary>
[Trait("Category", "Faults")]
public sealed class ReceiverCrashTests(AgencyPki pki)
{
    private const int Kills = 3;

    [Fact]
    public async Task Receiver_Killed_Three_Times_Mid_Stream_Loses_No_Hit_And_No_Clip()
    {
        var wall = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions());
        var random = new Random(17);
        var reconnect = new List<double>();
        var recovering = Stopwatch.StartNew();
        for (var kill = 0; kill < Kills; kill++)
        {
            var id = await rig.WaitForNextHitAsync(rig.Tally.QueuedEvents().Count, FaultTiming.HitPatience);

            // Kill as the receiver takes the hit in: just after it is written, or about to be.
            var stored = Stopwatch.StartNew();
            while (!rig.Tally.EventStored(id) && stored.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(5, FaultTiming.Cancellation);
            }

            await Task.Delay(random.Next(0, 40), FaultTiming.Cancellation);
            await rig.Receiver!.KillAsync();
            var restart = DateTime.UtcNow;
            await rig.StartReceiverAsync();
            recovering.Restart();
            reconnect.Add((DateTime.UtcNow - restart).TotalSeconds);
        }

        var figures = await rig.CountAsync("receiver-kill-3x", recovering, wall, new Dictionary<string, double>
        {
            ["receiver_kills"] = Kills,
            ["receiver_start_to_connected_max_s"] = reconnect.Max(),
        });
        figures.ReportAndAssertNothingLost();
    }
}
