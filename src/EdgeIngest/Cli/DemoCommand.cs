using System.CommandLine;
using EdgeIngest.Demo;

namespace EdgeIngest.Cli;

/// <summary>
/// <c>edgeingest demo</c>: everything on loopback — a mosquitto broker, a simulated RTSP camera
/// showing cars with plates, the service reading it, and an agency subscriber printing the hits.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var seconds = new Option<int?>("--seconds") { Description = "Stop by itself after this many seconds (default: run until Ctrl-C)" };
        var command = new Command("demo", "Run the end-to-end demo on loopback: broker, simulated camera, the service, and an agency subscriber printing hits; Ctrl-C stops everything it started") { seconds };
        command.SetAction((result, cancellationToken) =>
        {
            var limit = result.GetValue(seconds) is int s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
            return DemoRunner.RunAsync(limit, cancellationToken);
        });
        return command;
    }
}
