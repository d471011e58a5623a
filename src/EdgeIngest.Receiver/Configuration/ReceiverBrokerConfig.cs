using EdgeIngest.Configuration;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Receiving.Configuration;

/// <summary>
/// The agency broker as the receiver sees it. The client id is fixed (not generated) because the
/// broker keys the receiver's persistent session by it.
/// </summary>
public sealed class ReceiverBrokerConfig
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 8883;

    public string ClientId { get; set; } = "agency-receiver";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>Null means plain TCP (loopback experiments only; the agency broker requires TLS).</summary>
    public TlsConfig? Tls { get; set; }

    /// <summary>
    /// How to reach the broker with the receiver's identity (address, credentials, TLS files) under
    /// <paramref name="clientId"/>: the receiver's own, or another for a one-off tool (publishing a
    /// document, asking for footage), which must never take over the receiver's persistent session.
    /// </summary>
    public MqttConnectionSettings ConnectionSettings(string clientId) => new()
    {
        Host = Host,
        Port = Port,
        ClientId = clientId,
        Username = Username,
        Password = Password,
        UseTls = Tls is not null,
        CaFile = Tls?.CaFile,
        CertificateFile = Tls?.CertFile,
        KeyFile = Tls?.KeyFile,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
