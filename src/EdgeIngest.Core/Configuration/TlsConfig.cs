namespace EdgeIngest.Configuration;

/// <summary>TLS to the broker: the agency's CA, and this device's certificate and key.</summary>
public sealed class TlsConfig
{
    public string CaFile { get; set; } = "";

    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    /// <summary>Makes the certificate and key paths absolute against the config file's folder.</summary>
    public void ResolvePaths(string baseDirectory)
    {
        CaFile = YamlConfigFile.Resolve(CaFile, baseDirectory);
        CertFile = CertFile is null ? null : YamlConfigFile.Resolve(CertFile, baseDirectory);
        KeyFile = KeyFile is null ? null : YamlConfigFile.Resolve(KeyFile, baseDirectory);
    }
}
