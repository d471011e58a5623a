namespace EdgeIngest.Interop.Mqtt;

/// <summary>Why a connection attempt failed, for callers that decide whether retrying can help and that log each cause once.</summary>
public enum MqttConnectFailure
{
    /// <summary>Nothing to connect to: the host name does not resolve, the port refuses TCP, or the network is unreachable.</summary>
    Unreachable,

    /// <summary>No CONNACK within the connect timeout (a host that drops packets, or a broker that hangs).</summary>
    TimedOut,

    /// <summary>The TLS handshake failed: the broker's certificate is not trusted, or the broker refused ours.</summary>
    Tls,

    /// <summary>The broker answered and refused the credentials or the certificate's identity (CONNACK 0x86, 0x87, 0x8A, 0x8C).</summary>
    NotAuthorized,

    /// <summary>The broker answered and refused for another reason (CONNACK reason code, e.g. server unavailable).</summary>
    Refused,

    /// <summary>The TCP connection closed before CONNACK, without a TLS error to blame.</summary>
    ConnectionLost,

    /// <summary>A certificate or key file cannot be read: nothing was sent.</summary>
    Configuration,
}
