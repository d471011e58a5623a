using System.CommandLine;
using EdgeIngest.Hosting;

namespace EdgeIngest.Cli;

/// <summary><c>edgeingest run --config FILE</c>: the appliance's service.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The configuration file (YAML): device, cameras, broker, hotlist, sharing policy", Required = true };
        var command = new Command("run", "Run the service: read the cameras, match the hotlist, send hits to the agency") { config };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var loggers = ConsoleLogging.Create();
            return await ApplianceRunner.RunAsync(result.GetValue(config)!.FullName, loggers, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
