using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeIngest.Enrollment;

/// <summary>
/// Agency side: issues a device's client certificate with the agency CA, as
/// deploy/agency-broker/make-certs.sh does (EC P-256, CN = device id, the broker's ACL username;
/// CA:FALSE, digitalSignature, clientAuth, SHA-256), from the CA files that script keeps in its
/// folder (<c>ca.crt</c>, <c>ca.key</c>).
/// </summary>
public sealed class DeviceCertificateIssuer : IDisposable
{
    public const string CaCertificateFile = "ca.crt";
    public const string CaKeyFile = "ca.key";

    /// <summary>As make-certs.sh's default <c>--days</c>.</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(825);

    private readonly X509Certificate2 _ca;

    private DeviceCertificateIssuer(X509Certificate2 ca) => _ca = ca;

    /// <summary>The CA certificate, PEM, as it goes into the bundle.</summary>
    public string CaPem => _ca.ExportCertificatePem();

    /// <summary>Loads the CA from <paramref name="directory"/>; throws <see cref="EnrollmentException"/> naming the file at fault.</summary>
    public static DeviceCertificateIssuer Load(string directory)
    {
        var certificatePath = Path.Combine(directory, CaCertificateFile);
        var keyPath = Path.Combine(directory, CaKeyFile);
        foreach (var path in new[] { certificatePath, keyPath })
        {
            if (!File.Exists(path))
            {
                throw new EnrollmentException(path, ["the file does not exist — expected the agency CA made by deploy/agency-broker/make-certs.sh (ca.crt and ca.key)"]);
            }
        }

        X509Certificate2 ca;
        try
        {
            ca = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new EnrollmentException(certificatePath, [$"with {keyPath}: not a PEM certificate and its private key ({e.Message})"]);
        }

        var constraints = ca.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is not { CertificateAuthority: true })
        {
            ca.Dispose();
            throw new EnrollmentException(certificatePath, ["not a CA certificate (basicConstraints CA:TRUE missing)"]);
        }

        return new DeviceCertificateIssuer(ca);
    }

    /// <summary>A new key pair and a certificate for <paramref name="deviceId"/>, valid from now (less 5 minutes of clock skew) for <paramref name="validity"/>.</summary>
    public DeviceIdentity Issue(string deviceId, DateTimeOffset now, TimeSpan validity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={deviceId}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2", "Client Authentication")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        // Within the CA's own validity, which the certificate may not outlast or precede.
        var caNotBefore = new DateTimeOffset(_ca.NotBefore.ToUniversalTime());
        var caNotAfter = new DateTimeOffset(_ca.NotAfter.ToUniversalTime());
        var notBefore = now - TimeSpan.FromMinutes(5) < caNotBefore ? caNotBefore : now - TimeSpan.FromMinutes(5);
        var notAfter = now + validity > caNotAfter ? caNotAfter : now + validity;
        if (notAfter <= now)
        {
            throw new EnrollmentException(CaCertificateFile, [$"the agency CA expired on {Hotlists.IsoTimestamps.Format(caNotAfter)}; it cannot issue certificates"]);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(_ca, notBefore, notAfter, serial);
        return new DeviceIdentity(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose() => _ca.Dispose();
}
