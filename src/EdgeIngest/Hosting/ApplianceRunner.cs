using EdgeIngest.Configuration;
using EdgeIngest.Pipeline;
using EdgeIngest.WebConsole.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hosting;

/// <summary>
/// Loads a configuration, starts the appliance and, when <c>console.enabled</c>, the owner's web
/// console beside it, and runs until cancelled; start-up errors become exit codes. A console that
/// cannot start (its port taken, a bad certificate) is logged and left out: the cameras matter more.
/// </summary>
internal static class ApplianceRunner
{
    public const int ConfigError = 2;
    public const int StartError = 3;

    /// <param name="announce">Where to print the console's address and first-run link for a person watching (the demo); the log has them either way.</param>
    public static async Task<int> RunAsync(string configPath, ILoggerFactory loggers, CancellationToken cancellationToken, TextWriter? announce = null)
    {
        // Before the appliance starts, so that the Device page shows its start-up lines too.
        var recentLog = RecentLog.AttachTo(loggers);
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
            var console = await StartConsoleAsync(appliance, config, loggers, recentLog, announce, cancellationToken).ConfigureAwait(false);
            try
            {
                await appliance.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (console is not null)
                {
                    await console.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        return 0;
    }

    private static async Task<ConsoleHost?> StartConsoleAsync(Appliance appliance, EdgeIngestConfig config, ILoggerFactory loggers, RecentLog recentLog, TextWriter? announce, CancellationToken cancellationToken)
    {
        if (!config.Console.Enabled)
        {
            return null;
        }

        try
        {
            var console = await ConsoleHost.StartAsync(appliance, config, loggers, recentLog, cancellationToken).ConfigureAwait(false);
            if (announce is not null)
            {
                await announce.WriteLineAsync($"  console  {console.Address} (the owner's web console)").ConfigureAwait(false);
                if (console.CertificateFingerprint is { } fingerprint)
                {
                    await announce.WriteLineAsync($"  https    certificate SHA-256 {fingerprint} (check it in the browser on first connect)").ConfigureAwait(false);
                }

                await announce.WriteLineAsync(console.SetupLink is { } link
                    ? $"  setup    {link} (one-time link: set the console's password there)"
                    : $"  setup    the console's password is already set (delete {Path.Combine(config.Storage.Directory, "console", "password.json")} to choose a new one)").ConfigureAwait(false);
            }

            return console;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"edgeingest: the web console cannot start on {config.Console.Listen}: {e.Message} (the service runs without it)").ConfigureAwait(false);
            return null;
        }
    }
}
