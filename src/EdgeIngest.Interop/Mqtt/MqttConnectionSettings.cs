namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// Everything a client needs to reach one broker over MQTT 5. <see cref="ToString"/> leaves the
/// password out, so settings can be logged.
/// </summary>
public sealed record MqttConnectionSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    /// <summary>Null lets the library generate one (then <see cref="CleanSession"/> must be true).</summary>
    public string? ClientId { get; init; }

    /// <summary>MQTT 5 Clean Start: false resumes the session the broker kept for this client id.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>
    /// How long the broker keeps the session (subscriptions and queued QoS 1 messages) after the
    /// connection ends; zero ends it with the connection. Sent in every CONNECT.
    /// </summary>
    public TimeSpan SessionExpiry { get; init; }

    /// <summary>
    /// The Receive Maximum this client announces: at most this many unacknowledged QoS 1 messages
    /// from the broker at once (null: the protocol's 65,535). Bounds what a receiver that
    /// acknowledges late holds in memory.
    /// </summary>
    public int? ReceiveMaximum { get; init; }

    /// <summary>When true, a received QoS 1 message is acknowledged only by <see cref="MqttReceivedMessage.AcknowledgeAsync"/>.</summary>
    public bool ManualAcknowledgement { get; init; }

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

    public MqttLastWill? LastWill { get; init; }

    public string Broker => $"{Host}:{Port}";

    public override string ToString() =>
        $"mqtt{(UseTls ? "s" : string.Empty)}://{Broker} client '{ClientId}' user '{Username}'";
}
