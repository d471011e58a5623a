using System.Net;
using System.Security.Cryptography.X509Certificates;
using EdgeIngest.Configuration;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>How the console speaks to browsers: plain HTTP, the owner's certificate, or one it generated (with the fingerprint the owner checks on first connect).</summary>
internal sealed class ConsoleHttps
{
    private ConsoleHttps(X509Certificate2? certificate, string source)
    {
        Certificate = certificate;
        Source = source;
        Fingerprint = certificate is null ? null : GeneratedCertificate.Fingerprint(certificate);
        ExpiresAt = certificate is null ? null : new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
    }

    /// <summary>Null for plain HTTP.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>In words: "plain HTTP", "the owner's certificate", "a certificate generated on first run", …</summary>
    public string Source { get; }

    public string? Fingerprint { get; }

    public DateTimeOffset? ExpiresAt { get; }

    public static ConsoleHttps For(ConsoleConfig console, string consoleFolder, DateTimeOffset now)
    {
        if (console.CertFile is { } certFile && console.KeyFile is { } keyFile)
        {
            return new ConsoleHttps(X509Certificate2.CreateFromPemFile(certFile, keyFile), $"the owner's certificate ({certFile})");
        }

        if (!console.UsesGeneratedCertificate)
        {
            return new ConsoleHttps(null, $"plain HTTP (console.https: {console.Https}, listening on {console.Listen})");
        }

        var (certificate, outcome) = GeneratedCertificate.LoadOrCreate(consoleFolder, IPEndPoint.Parse(console.Listen), now);
        return new ConsoleHttps(certificate, $"a self-signed certificate {outcome} ({Path.Combine(consoleFolder, GeneratedCertificate.CertificateFile)})");
    }
}
