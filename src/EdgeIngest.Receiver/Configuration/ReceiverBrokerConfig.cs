using EdgeIngest.Configuration;

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
}
