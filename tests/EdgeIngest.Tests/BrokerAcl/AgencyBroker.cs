using System.Globalization;
using EdgeIngest.Configuration;
using EdgeIngest.Demo;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Receiving.Configuration;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.BrokerAcl;

/// <summary>
/// A mosquitto started from the deployed agency configuration (deploy/agency-broker/mosquitto.conf
/// and its acl file), rendered for loopback by <see cref="AgencyBrokerConfig"/> exactly as the demo
/// renders it; a template change that rendering no longer covers fails here.
/// </summary>
internal static class AgencyBroker
{
    public static Task<MosquittoBroker> StartAsync(AgencyPki pki) =>
        MosquittoBroker.StartAsync(new MosquittoBrokerOptions { Configuration = broker => Render(broker, pki) });

    public static string Render(MosquittoBroker broker, AgencyPki pki) =>
        AgencyBrokerConfig.Render(
            AgencyPki.DeployDirectory,
            pki.Directory,
            broker.Port,
            System.IO.Directory.CreateDirectory(Path.Combine(broker.Directory, "persistence")).FullName,
            broker.LogFile);

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
}
