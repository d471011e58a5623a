using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeIngest.WebConsole.Views;

/// <summary>A PEM certificate file as the Device page shows it: subject and expiry, or why it cannot be read.</summary>
internal sealed record CertificateFacts(string File, string? Subject, DateTimeOffset? NotAfter, string? Problem)
{
    public bool Expired => NotAfter is { } end && end <= DateTimeOffset.UtcNow;

    public static CertificateFacts Read(string file)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(file);
            return new CertificateFacts(file, certificate.Subject, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return new CertificateFacts(file, null, null, $"cannot be read: {e.Message}");
        }
    }
}
