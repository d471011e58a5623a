using System.Diagnostics;
using System.Globalization;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// The camera killed with SIGKILL and started again ten times: frames must resume every time
/// without restarting the service (the service logs "Camera … streaming" on the first frame of
/// each run of its ffmpeg), and every hit read in between reaches the agency.
/// </summary>
[Trait("Category", "Faults")]
public sealed class CameraRestartTests(AgencyPki pki)
{
    private const int Restarts = 10;
    private static readonly TimeSpan ResumeBound = TimeSpan.FromSeconds(30);
    private static readonly string Streaming = $"Camera {FaultRig.CameraId} streaming";

    [Fact]
    public async Task Camera_Killed_And_Restarted_Ten_Times_Resumes_Every_Time_And_Loses_No_Hit()
    {
        var wall = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions());
        await rig.Service.WaitForAsync(l => l.Any(x => x.Contains(Streaming, StringComparison.Ordinal)), FaultTiming.HitPatience, "the camera streamed");
        var servicePid = rig.Service.ProcessId;
        var resumed = new List<double>();
        var recovering = Stopwatch.StartNew();
        for (var restart = 0; restart < Restarts; restart++)
        {
            await rig.Camera.RestartAsync();
            var back = DateTime.UtcNow;
            recovering.Restart();
            resumed.Add(await FaultTiming.WaitSecondsUntilAsync(rig.Service, back, Streaming, ResumeBound));
            await Task.Delay(1000, FaultTiming.Cancellation); // a little video between kills
        }

        var figures = await rig.CountAsync("camera-restart-10x", recovering, wall, new Dictionary<string, double>
        {
            ["camera_restarts"] = Restarts,
            ["frames_resumed"] = resumed.Count(s => s < ResumeBound.TotalSeconds),
            ["resume_min_s"] = resumed.Min(),
            ["resume_max_s"] = resumed.Max(),
        });
        figures.ReportAndAssertNothingLost();
        Assert.Equal(servicePid, rig.Service.ProcessId);
        Assert.False(rig.Service.HasExited, "the service exited during the camera restarts");
        Assert.True(resumed.All(s => s < ResumeBound.TotalSeconds),
            $"frames did not resume within {ResumeBound.TotalSeconds} s after {resumed.Count(s => s >= ResumeBound.TotalSeconds)} of {Restarts} restarts; seconds: {string.Join(", ", resumed.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))}");
    }
}
