namespace EdgeIngest.Configuration;

/// <summary>
/// The property owner's web console, served by the service itself (section <c>console</c>). It
/// listens on loopback unless the owner opens it up, and speaks HTTPS when given a certificate.
/// </summary>
public sealed class ConsoleConfig
{
    public const string DefaultListen = "127.0.0.1:8080";

    public bool Enabled { get; set; } = true;

    /// <summary><c>ADDRESS:PORT</c> (an IPv4 or IPv6 address, IPv6 in brackets); port 0 picks a free one.</summary>
    public string Listen { get; set; } = DefaultListen;

    /// <summary>The owner's certificate (PEM) for HTTPS; without it the console speaks plain HTTP.</summary>
    public string? CertFile { get; set; }

    /// <summary>The certificate's private key (PEM); required with <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; set; }
}
