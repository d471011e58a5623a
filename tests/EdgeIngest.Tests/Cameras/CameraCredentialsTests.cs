using EdgeIngest.Tests.Delivery;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

/// <summary>
/// The camera password must not be readable by other local users: the real service, with a
/// password-protected camera, decoding and recording, while every process's command line
/// (what <c>ps -eo args</c> shows) is read over and over from the start.
/// </summary>
public sealed class CameraCredentialsTests
{
    private static readonly TimeSpan StreamingTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan WatchAfterStreaming = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task No_Process_Shows_The_Camera_Password_In_Its_Command_Line_While_The_Service_Probes_Decodes_And_Records()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var demo = await DemoVideo.GetPathAsync();
        await using var simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/cam1"] = demo }, "admin", password);
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new DeviceWorkspace();
        var config = workspace.WriteConfig(broker.Port, simulator.UrlFor("/cam1", "admin", password));

        await using var service = CliProcess.Start(config);
        var children = new Dictionary<int, string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan? streamingAt = null;
        while (streamingAt is null || clock.Elapsed < streamingAt + WatchAfterStreaming)
        {
            // The simulator is the camera, not the appliance: it is told its password on its command line.
            foreach (var (pid, commandLine) in ProcessTable.CommandLines().Where(process => process.Pid != simulator.ProcessId))
            {
                Assert.False(
                    commandLine.Contains(password, StringComparison.Ordinal),
                    $"pid {pid} shows the camera password in its command line: {commandLine.Replace(password, "<PASSWORD>", StringComparison.Ordinal)}");
            }

            foreach (var (pid, commandLine) in ProcessTable.ChildrenOf(service.ProcessId))
            {
                children.TryAdd(pid, commandLine);
            }

            var lines = service.Lines;
            if (streamingAt is null && Logged(lines, "Camera entrance streaming") && Logged(lines, "Camera entrance recording"))
            {
                streamingAt = clock.Elapsed;
            }

            Assert.True(
                clock.Elapsed < StreamingTimeout,
                $"not decoding and recording within {StreamingTimeout.TotalSeconds} s; last lines:\n{string.Join('\n', lines.TakeLast(20))}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        // The scan saw the processes that used to carry the password: it would have caught it.
        var seen = string.Join('\n', children.Values);
        Assert.True(children.Values.Any(c => c.Contains("ffprobe", StringComparison.Ordinal)), $"no ffprobe seen among the service's children:\n{seen}");
        Assert.True(
            children.Values.Count(c => c.Contains("ffmpeg", StringComparison.Ordinal) && c.Contains("pipe:0", StringComparison.Ordinal)) >= 2,
            $"the decoder and the recorder ffmpeg were not both seen among the service's children:\n{seen}");
        Assert.DoesNotContain(service.Lines, line => line.Contains(password, StringComparison.Ordinal));
    }

    private static bool Logged(IReadOnlyCollection<string> lines, string text) =>
        lines.Any(line => line.Contains(text, StringComparison.Ordinal));
}
