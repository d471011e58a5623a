using System.CommandLine;
using EdgeIngest.Configuration;
using EdgeIngest.Hosting;
using EdgeIngest.Receiving.Configuration;
using EdgeIngest.Receiving;

namespace EdgeIngest.Cli;

/// <summary>
/// <c>edgeingest receive --config FILE</c>: the agency side. Listens to every device on the agency
/// broker, verifies and stores hits, clips and device status, and prints each new hit.
/// Exit codes: 2 for a configuration error (certificates included), 3 when the broker refuses the
/// receiver for a reason retrying cannot fix.
/// </summary>
internal static class ReceiveCommand
{
    public const int ConfigError = 2;
    public const int RefusedError = 3;

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The receiver's configuration file (YAML): broker, topic_prefix, output_directory", Required = true };
        var command = new Command("receive", "Agency side: receive, verify and store hits, clips and device status from every device") { config };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var loggers = ConsoleLogging.Create();
            return await RunAsync(result.GetValue(config)!.FullName, loggers, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(string configPath, Microsoft.Extensions.Logging.ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ReceiverConfig config;
        try
        {
            config = ReceiverConfigLoader.Load(configPath);
        }
        catch (ConfigException e)
        {
            await Console.Error.WriteLineAsync($"edgeingest receive: configuration error: {e.Message}").ConfigureAwait(false);
            return ConfigError;
        }

        var receiver = new AgencyReceiver(config, Console.Out, loggers);
        try
        {
            await receiver.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ReceiverStartException e)
        {
            await Console.Error.WriteLineAsync($"edgeingest receive: {e.Message}").ConfigureAwait(false);
            return RefusedError;
        }

        return 0;
    }
}
