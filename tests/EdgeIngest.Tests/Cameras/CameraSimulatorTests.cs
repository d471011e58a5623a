using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

/// <summary>The RTSP camera simulator every camera test stands on.</summary>
public sealed class CameraSimulatorTests
{
    private static readonly TimeSpan ProbeBound = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Before the fix, a fresh simulator served nothing to anyone, for ever, in 2 to 6 of 40
    /// starts with two clients at once (its feeder sometimes read the pipeline's running time
    /// before the base time was set, and stamped every frame about an uptime into the future).
    /// Several simulators started side by side make that window likelier on a busy box; every
    /// client of every start must get the video's size.
    /// </summary>
    [Fact]
    public async Task Two_Clients_Connecting_At_Once_To_A_Fresh_Simulator_Both_Get_Video_On_Every_Start()
    {
        const int Starts = 6;
        var demo = await DemoVideo.GetPathAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Starts).Select(async start =>
        {
            await using var simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/gate"] = demo });
            var url = simulator.UrlFor("/gate");
            var clients = await Task.WhenAll(ProbeSizeAsync(url), ProbeSizeAsync(url));
            return clients.Select((size, client) => (start, client, size)).ToArray();
        }));

        var empty = outcomes.SelectMany(clients => clients).Where(outcome => outcome.size != "1280x720").ToList();
        Assert.True(
            empty.Count == 0,
            $"{empty.Count} of {Starts * 2} clients got no 1280x720 video within {ProbeBound.TotalSeconds} s: "
            + string.Join("; ", empty.Select(outcome => $"start {outcome.start} client {outcome.client}: '{outcome.size}'")));
    }

    /// <summary>What ffprobe reports as the stream's size, or why it reported none.</summary>
    private static async Task<string> ProbeSizeAsync(string url)
    {
        try
        {
            var result = await ProcessRunner.RunAsync(
                "ffprobe",
                ["-v", "error", "-rtsp_transport", "tcp", "-select_streams", "v:0",
                 "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", url],
                ProbeBound);
            return result.StandardOutput.Trim() is { Length: > 0 } size ? size : $"nothing (exit {result.ExitCode}: {result.StandardError.Trim()})";
        }
        catch (TimeoutException)
        {
            return "nothing (ffprobe hung)";
        }
    }
}
