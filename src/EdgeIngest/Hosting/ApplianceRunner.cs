using EdgeIngest.Configuration;
using EdgeIngest.Pipeline;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hosting;

/// <summary>Loads a configuration, starts the appliance and runs it until cancelled; start-up errors become exit codes.</summary>
internal static class ApplianceRunner
{
    public const int ConfigError = 2;
    public const int StartError = 3;

    public static async Task<int> RunAsync(string configPath, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        EdgeIngestConfig config;
        try
        {
            config = ConfigLoader.Load(configPath);
        }
        catch (ConfigException e)
        {
            await Console.Error.WriteLineAsync($"edgeingest: configuration error: {e.Message}").ConfigureAwait(false);
            return ConfigError;
        }

        Appliance appliance;
        try
        {
            appliance = Appliance.Create(config, loggers);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"edgeingest: cannot start: {e.Message}").ConfigureAwait(false);
            return StartError;
        }

        await using (appliance.ConfigureAwait(false))
        {
            await appliance.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
