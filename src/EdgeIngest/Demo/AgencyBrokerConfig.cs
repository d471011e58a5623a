using System.Globalization;

namespace EdgeIngest.Demo;

/// <summary>
/// The agency broker's configuration (deploy/agency-broker/mosquitto.conf, used unchanged but for
/// the lines below) adapted to run on loopback from a folder: the listener, the certificate and
/// ACL paths, persistence and logging. The demo and the tests both start mosquitto from it, so the
/// deployed file is the one exercised. A template line that is no longer there fails loudly.
/// </summary>
public static class AgencyBrokerConfig
{
    private const string InstalledFolder = "/etc/mosquitto/agency/";

    /// <param name="deployDirectory">deploy/agency-broker (mosquitto.conf and acl).</param>
    /// <param name="pkiDirectory">Output of make-certs.sh: ca.crt, broker.crt, broker.key.</param>
    public static string Render(string deployDirectory, string pkiDirectory, int port, string persistenceDirectory, string logFile)
    {
        var template = File.ReadAllText(Path.Combine(deployDirectory, "mosquitto.conf"));
        var config = template
            .Substitute("\nlistener 8883\n", string.Create(CultureInfo.InvariantCulture, $"\nlistener {port} 127.0.0.1\n"))
            .Substitute($"acl_file {InstalledFolder}acl", $"acl_file {Path.Combine(deployDirectory, "acl")}")
            .Substitute($"cafile {InstalledFolder}ca.crt", $"cafile {Path.Combine(pkiDirectory, "ca.crt")}")
            .Substitute($"certfile {InstalledFolder}broker.crt", $"certfile {Path.Combine(pkiDirectory, "broker.crt")}")
            .Substitute($"keyfile {InstalledFolder}broker.key", $"keyfile {Path.Combine(pkiDirectory, "broker.key")}")
            .Substitute("persistence_location /var/lib/mosquitto/", $"persistence_location {persistenceDirectory.TrimEnd('/')}/")
            .Substitute("log_dest syslog", $"log_dest file {logFile}")
            .Substitute("log_type error warning notice information", "log_type all");
        if (config.Split('\n').Any(line => !line.StartsWith('#') && line.Contains(InstalledFolder, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{deployDirectory}/mosquitto.conf names {InstalledFolder} in a line {nameof(AgencyBrokerConfig)} does not replace");
        }

        // As root, mosquitto would otherwise switch to a user that cannot read these folders.
        return Environment.UserName == "root" ? config + "\nuser root\n" : config;
    }

    private static string Substitute(this string text, string oldValue, string newValue) =>
        text.Contains(oldValue, StringComparison.Ordinal)
            ? text.Replace(oldValue, newValue, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/agency-broker/mosquitto.conf no longer contains '{oldValue.Trim()}'; update {nameof(AgencyBrokerConfig)}");
}
