using System.Globalization;
using EdgeIngest.Configuration;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Receiving.Configuration;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.BrokerAcl;

/// <summary>
/// A mosquitto started from the deployed agency configuration (deploy/agency-broker/mosquitto.conf
/// and its acl file, unchanged) with only the listener, the certificate folder, persistence and
/// logging replaced for loopback; each replacement must find its line, so a template change that
/// the tests no longer cover fails here rather than passing untested.
/// </summary>
internal static class AgencyBroker
{
    private const string InstalledFolder = "/etc/mosquitto/agency/";

    public static Task<MosquittoBroker> StartAsync(AgencyPki pki) =>
        MosquittoBroker.StartAsync(new MosquittoBrokerOptions { Configuration = broker => Render(broker, pki) });

    public static string Render(MosquittoBroker broker, AgencyPki pki)
    {
        var template = File.ReadAllText(Path.Combine(AgencyPki.DeployDirectory, "mosquitto.conf"));
        var persistence = System.IO.Directory.CreateDirectory(Path.Combine(broker.Directory, "persistence")).FullName;
        var config = template
            .Substitute("\nlistener 8883\n", string.Create(CultureInfo.InvariantCulture, $"\nlistener {broker.Port} {broker.Host}\n"))
            .Substitute($"acl_file {InstalledFolder}acl", $"acl_file {Path.Combine(AgencyPki.DeployDirectory, "acl")}")
            .Substitute($"cafile {InstalledFolder}ca.crt", $"cafile {pki.CaCertificate}")
            .Substitute($"certfile {InstalledFolder}broker.crt", $"certfile {pki.BrokerCertificate}")
            .Substitute($"keyfile {InstalledFolder}broker.key", $"keyfile {pki.BrokerKey}")
            .Substitute("persistence_location /var/lib/mosquitto/", $"persistence_location {persistence}/")
            .Substitute("log_dest syslog", $"log_dest file {broker.LogFile}")
            .Substitute("log_type error warning notice information", "log_type all");
        Assert.DoesNotContain(config.Split('\n'), line => !line.StartsWith('#') && line.Contains(InstalledFolder, StringComparison.Ordinal));

        // Stay root: a broker that drops to 'mosquitto' cannot read the test's folders.
        return config + "\nuser root\n";
    }

    /// <summary>A device's connection, with the certificate from its enrollment bundle.</summary>
    public static MqttConnectionSettings Device(MosquittoBroker broker, AgencyPki pki, string deviceId) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = deviceId,
        UseTls = true,
        CaFile = pki.CaCertificate,
        CertificateFile = pki.DeviceCertificate(deviceId),
        KeyFile = pki.DeviceKey(deviceId),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    public static ReceiverConfig Receiver(MosquittoBroker broker, AgencyPki pki, string outputDirectory) => new()
    {
        Broker = new ReceiverBrokerConfig
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = "agency-receiver-test",
            Tls = new TlsConfig { CaFile = pki.CaCertificate, CertFile = pki.ReceiverCertificate, KeyFile = pki.ReceiverKey },
        },
        OutputDirectory = outputDirectory,
    };

    private static string Substitute(this string text, string oldValue, string newValue)
    {
        Assert.True(text.Contains(oldValue, StringComparison.Ordinal), $"deploy/agency-broker/mosquitto.conf no longer contains '{oldValue.Trim()}'; update {nameof(AgencyBroker)}");
        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }
}
