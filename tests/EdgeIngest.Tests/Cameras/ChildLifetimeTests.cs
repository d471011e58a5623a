using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EdgeIngest.Cameras;
using EdgeIngest.Tests.Delivery;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

/// <summary>ffmpeg children die with the service, even by SIGKILL, and only then (PR_SET_PDEATHSIG through setpriv).</summary>
public sealed class ChildLifetimeTests
{
    private static readonly TimeSpan StreamingTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan DeathBound = TimeSpan.FromSeconds(3);

    [Fact]
    public void Setpriv_Is_Installed_So_Children_Get_The_Death_Signal()
    {
        Assert.True(ChildLauncher.DiesWithParent, $"{ChildLauncher.SetprivPath} is missing (Debian package util-linux): children would outlive a killed service");
    }

    [Fact]
    public async Task A_Child_Outlives_The_Thread_That_Asked_For_It()
    {
        // The death signal fires when the thread that forked the child exits. A child started
        // from a thread that then ends must live on: only the launcher's own thread forks.
        ChildProcess? child = null;
        var starter = new Thread(() => child = ChildProcess.Start("/bin/sleep", ["30"], _ => { }));
        starter.Start();
        starter.Join();
        Assert.NotNull(child);
        await using (child)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            Assert.True(ProcessTable.IsRunning(child.Id), $"child {child.Id} died after the thread that started it ended (state from /proc/{child.Id}/stat)");
            Assert.Equal("/bin/sleep 30", ProcessTable.CommandLine(child.Id)); // setpriv has exec'd it, same pid
            child.Kill();
        }

        Assert.NotEqual(Environment.CurrentManagedThreadId, ChildLauncher.LauncherThreadId);
    }

    [Fact]
    public async Task Every_Ffmpeg_Of_A_Service_Killed_With_Sigkill_Is_Gone_Within_3_Seconds()
    {
        var demo = await DemoVideo.GetPathAsync();
        await using var simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/cam1"] = demo });
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new DeviceWorkspace();
        var config = workspace.WriteConfig(broker.Port, simulator.UrlFor("/cam1"));
        await using var service = CliProcess.Start(config);
        await service.WaitForAsync(
            lines => lines.Any(l => l.Contains("Camera entrance streaming", StringComparison.Ordinal))
                && lines.Any(l => l.Contains("Camera entrance recording", StringComparison.Ordinal)),
            StreamingTimeout,
            "the camera decoding and recording");

        var children = ProcessTable.ChildrenOf(service.ProcessId)
            .Where(child => child.CommandLine.Contains("ffmpeg", StringComparison.Ordinal) || child.CommandLine.Contains("ffprobe", StringComparison.Ordinal))
            .Select(child => child.Pid)
            .ToList();
        Assert.True(children.Count >= 2, $"expected the decoder and the recorder ffmpeg, found pids [{string.Join(", ", children)}]");

        await KillAndAssertChildrenGoneAsync(service, children);
    }

    [Fact]
    public async Task An_Ffprobe_Waiting_On_A_Silent_Camera_Is_Gone_Within_3_Seconds_Of_The_Services_Sigkill()
    {
        // Accepts connections (the kernel does, into the backlog) and never answers: ffprobe waits.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            await using var broker = await MosquittoBroker.StartAsync();
            using var workspace = new DeviceWorkspace();
            var config = workspace.WriteConfig(broker.Port, $"rtsp://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/silent");
            await using var service = CliProcess.Start(config);
            var clock = Stopwatch.StartNew();
            List<int> probes;
            while ((probes = ProbesOf(service)).Count == 0)
            {
                Assert.True(clock.Elapsed < StreamingTimeout, $"no ffprobe started within {StreamingTimeout.TotalSeconds} s; last lines:\n{string.Join('\n', service.Lines.TakeLast(20))}");
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            await KillAndAssertChildrenGoneAsync(service, probes);
        }
        finally
        {
            silent.Stop();
        }
    }

    /// <summary>The service's ffprobe children once they run ffprobe itself (the wrapper script and setpriv have exec'd it).</summary>
    private static List<int> ProbesOf(CliProcess service) =>
        ProcessTable.ChildrenOf(service.ProcessId)
            .Where(child => child.CommandLine.Contains("ffprobe", StringComparison.Ordinal)
                && !child.CommandLine.StartsWith("/bin/sh", StringComparison.Ordinal)
                && !child.CommandLine.StartsWith(ChildLauncher.SetprivPath, StringComparison.Ordinal))
            .Select(child => child.Pid)
            .ToList();

    private static async Task KillAndAssertChildrenGoneAsync(CliProcess service, List<int> children)
    {
        await service.KillAsync();
        var clock = Stopwatch.StartNew();
        while (children.Any(ProcessTable.IsRunning) && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        var survivors = children.Where(ProcessTable.IsRunning).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{children.Count} children gone {clock.Elapsed.TotalMilliseconds:0} ms after the service's SIGKILL was reaped"));
        try
        {
            Assert.True(
                survivors.Count == 0 && clock.Elapsed <= DeathBound,
                $"{survivors.Count} of {children.Count} children still running after {clock.Elapsed.TotalSeconds:0.00} s (bound {DeathBound.TotalSeconds} s): " +
                string.Join("; ", survivors.Select(pid => $"{pid} {ProcessTable.CommandLine(pid)}")));
        }
        finally
        {
            foreach (var pid in survivors)
            {
                try
                {
                    using var survivor = Process.GetProcessById(pid);
                    survivor.Kill();
                }
                catch (ArgumentException)
                {
                    // Gone meanwhile.
                }
            }
        }
    }
}
