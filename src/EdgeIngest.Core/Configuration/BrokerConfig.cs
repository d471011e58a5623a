namespace EdgeIngest.Configuration;

/// <summary>The agency's MQTT broker.</summary>
public sealed class BrokerConfig
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 8883;

    /// <summary>Defaults to the device id.</summary>
    public string? ClientId { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>First segment of every topic: <c>{prefix}/{device}/hits</c>.</summary>
    public string TopicPrefix { get; set; } = "edgeingest";

    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>How often an <c>edgeingest.heartbeat/1</c> is published while connected.</summary>
    public int HeartbeatSeconds { get; set; } = 30;

    /// <summary>Null means plain TCP (loopback demos and tests only).</summary>
    public TlsConfig? Tls { get; set; }
}
