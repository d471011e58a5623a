using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Publishing;

/// <summary>
/// The agency broker link as configured (plain settable properties, so it binds from YAML).
/// <see cref="ToString"/> leaves the password out.
/// </summary>
public sealed class MqttOptions
{
    public string Host { get; set; } = "localhost";

    /// <summary>Null means the MQTT default: 8883 with TLS, 1883 without.</summary>
    public int? Port { get; set; }

    public string? ClientId { get; set; }

    public bool CleanSession { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }

    public string? CaFile { get; set; }

    public string? ClientCertificateFile { get; set; }

    public string? ClientKeyFile { get; set; }

    public int KeepAliveSeconds { get; set; } = 30;

    public int ConnectTimeoutSeconds { get; set; } = 10;

    public int EffectivePort => Port ?? (UseTls ? 8883 : 1883);

    /// <param name="lastWill">Set by the caller (e.g. a retained "offline" status), not by configuration.</param>
    public MqttConnectionSettings ToConnectionSettings(MqttLastWill? lastWill = null) => new()
    {
        Host = Host,
        Port = EffectivePort,
        ClientId = ClientId,
        CleanSession = CleanSession,
        Username = Username,
        Password = Password,
        UseTls = UseTls,
        CaFile = CaFile,
        CertificateFile = ClientCertificateFile,
        KeyFile = ClientKeyFile,
        KeepAlive = TimeSpan.FromSeconds(KeepAliveSeconds),
        ConnectTimeout = TimeSpan.FromSeconds(ConnectTimeoutSeconds),
        LastWill = lastWill,
    };

    public override string ToString() =>
        $"mqtt{(UseTls ? "s" : string.Empty)}://{Host}:{EffectivePort} client '{ClientId}' user '{Username}'";
}
