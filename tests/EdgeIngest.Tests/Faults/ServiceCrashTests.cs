using System.Diagnostics;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// The service killed with SIGKILL mid-stream, once 1.5 s after a hit (its clip's 4 s post-roll
/// still recording) and once 5.5 s after one (the clip cut and on its way), then started again on
/// the same data folder. Every hit it had queued must arrive, and every clip it had promised must
/// arrive or be reported dropped. Also counts the ffmpeg children still alive 3 s after each kill.
/// </summary>
[Trait("Category", "Faults")]
public sealed class ServiceCrashTests(AgencyPki pki)
{
    [Fact]
    public async Task Service_Killed_During_A_Post_Roll_And_Mid_Stream_Loses_No_Hit_And_No_Promised_Clip()
    {
        var wall = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions());
        var recovering = Stopwatch.StartNew();
        var orphans = new List<int>();
        var restarts = new List<double>();
        foreach (var afterHit in new[] { TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(5.5) })
        {
            await rig.WaitForNextHitAsync(rig.Tally.QueuedEvents().Count, FaultTiming.HitPatience);
            await Task.Delay(afterHit, FaultTiming.Cancellation);
            await rig.Service.KillAsync();
            await Task.Delay(3000, FaultTiming.Cancellation);
            var left = rig.OrphanedFfmpegs();
            orphans.Add(left.Count);

            var connections = rig.Service.Lines.Count(l => l.Contains("Connected to the agency broker", StringComparison.Ordinal));
            var start = DateTime.UtcNow;
            await rig.Service.RestartAsync();
            recovering.Restart();
            await rig.Service.WaitForAsync(l => l.Count(x => x.Contains("Connected to the agency broker", StringComparison.Ordinal)) > connections, FaultTiming.HitPatience, "the restarted service connected");
            restarts.Add((DateTime.UtcNow - start).TotalSeconds);
        }

        var figures = await rig.CountAsync("service-kill-post-roll-and-mid-stream", recovering, wall, new Dictionary<string, double>
        {
            ["service_kills"] = 2,
            ["ffmpeg_alive_3s_after_kill_max"] = orphans.Max(),
            ["service_start_to_connected_max_s"] = restarts.Max(),
        });
        figures.ReportAndAssertNothingLost();
    }
}
