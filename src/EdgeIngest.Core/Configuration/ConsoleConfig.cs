namespace EdgeIngest.Configuration;

/// <summary>
/// The property owner's web console, served by the service itself (section <c>console</c>). It
/// listens on loopback unless the owner opens it up, and speaks HTTPS with the owner's certificate
/// or, off loopback, with one it generates and keeps (<see cref="Https"/>).
/// </summary>
public sealed class ConsoleConfig
{
    public const string DefaultListen = "127.0.0.1:8080";
    public const string HttpsAuto = "auto";
    public const string HttpsOn = "on";
    public const string HttpsOff = "off";

    public bool Enabled { get; set; } = true;

    /// <summary><c>ADDRESS:PORT</c> (an IPv4 or IPv6 address, IPv6 in brackets); port 0 picks a free one.</summary>
    public string Listen { get; set; } = DefaultListen;

    /// <summary>
    /// <c>auto</c> (default): HTTPS with a certificate the console generates and keeps when it listens
    /// on a non-loopback address, plain HTTP on loopback; <c>on</c>: always HTTPS; <c>off</c>: plain
    /// HTTP. With <see cref="CertFile"/> the owner's certificate is used instead of a generated one.
    /// </summary>
    public string Https { get; set; } = HttpsAuto;

    /// <summary>The owner's certificate (PEM) for HTTPS; without it the console generates one or speaks plain HTTP (<see cref="Https"/>).</summary>
    public string? CertFile { get; set; }

    /// <summary>The certificate's private key (PEM); required with <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>True when the console should make (or reuse) its own certificate; valid only after <see cref="ConfigValidator"/> accepted the file.</summary>
    public bool UsesGeneratedCertificate => CertFile is null && Https switch
    {
        HttpsOn => true,
        HttpsAuto => System.Net.IPEndPoint.TryParse(Listen, out var endpoint) && !System.Net.IPAddress.IsLoopback(endpoint.Address),
        _ => false,
    };
}
