namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// Everything a client needs to reach one broker. <see cref="ToString"/> leaves the password out,
/// so settings can be logged.
/// </summary>
public sealed record MqttConnectionSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    /// <summary>Null lets the library generate one (then <see cref="CleanSession"/> must be true).</summary>
    public string? ClientId { get; init; }

    public bool CleanSession { get; init; } = true;

    public MqttProtocolVersion ProtocolVersion { get; init; } = MqttProtocolVersion.V5;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public bool UseTls { get; init; }

    /// <summary>CA certificate (PEM) that signed the broker's certificate; null uses the system's CAs.</summary>
    public string? CaFile { get; init; }

    /// <summary>Client certificate (PEM) for mutual TLS; needs <see cref="KeyFile"/>.</summary>
    public string? CertificateFile { get; init; }

    public string? KeyFile { get; init; }

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After a connection that once succeeded drops, retry with exponential backoff.</summary>
    public bool AutoReconnect { get; init; } = true;

    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(30);

    public MqttLastWill? LastWill { get; init; }

    public string Broker => $"{Host}:{Port}";

    public override string ToString() =>
        $"mqtt{(UseTls ? "s" : string.Empty)}://{Broker} client '{ClientId}' user '{Username}'";
}
