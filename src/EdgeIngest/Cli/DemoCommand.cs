using System.CommandLine;

namespace EdgeIngest.Cli;

/// <summary>
/// <c>edgeingest demo</c>: everything on loopback — a mosquitto broker, a simulated RTSP camera
/// showing cars with plates, the service reading it, and an agency subscriber printing the hits.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the end-to-end demo on loopback; Ctrl-C stops everything it started");
        command.SetAction((result, cancellationToken) => Task.FromResult(0));
        return command;
    }
}
