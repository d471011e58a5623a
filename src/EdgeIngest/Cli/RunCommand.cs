using System.CommandLine;

namespace EdgeIngest.Cli;

/// <summary><c>edgeingest run --config FILE</c>: the appliance's service.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The configuration file (YAML): device, cameras, broker, hotlist, sharing policy", Required = true };
        var command = new Command("run", "Run the service: read the cameras, match the hotlist, send hits to the agency") { config };
        command.SetAction((result, cancellationToken) => Task.FromResult(0));
        return command;
    }
}
