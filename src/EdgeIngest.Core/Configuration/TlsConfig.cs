namespace EdgeIngest.Configuration;

/// <summary>TLS to the broker: the agency's CA, and this device's certificate and key.</summary>
public sealed class TlsConfig
{
    public string CaFile { get; set; } = "";

    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }
}
