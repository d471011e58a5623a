using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using EdgeIngest.Agreements;
using EdgeIngest.Hotlists;
using EdgeIngest.Signing;

namespace EdgeIngest.Enrollment;

/// <summary>
/// Judges a bundle on the device before anything is written: the certificates parse, the key is
/// the certificate's, the bundled CA signed the certificate, the certificate names this device
/// and is in its validity period, the agency key is a P-256 public key, the agreement verifies
/// with it and has not expired, and the registration is this device's. Every problem is listed,
/// each naming its field.
/// </summary>
public static partial class EnrollmentValidator
{
    public static CheckedEnrollment Check(EnrollmentBundle bundle, DateTimeOffset now, string source)
    {
        var problems = new List<string>();
        if (!DeviceIdPattern().IsMatch(bundle.DeviceId))
        {
            problems.Add($"device_id: '{bundle.DeviceId}' — expected 1–64 letters, digits, '-' or '_' (it becomes part of MQTT topics)");
        }

        if (Uri.CheckHostName(bundle.BrokerHost) == UriHostNameType.Unknown)
        {
            problems.Add($"broker.host: '{bundle.BrokerHost}' — expected the agency broker's host name or IP address");
        }

        if (!TopicSegmentPattern().IsMatch(bundle.TopicPrefix))
        {
            problems.Add($"broker.topic_prefix: '{bundle.TopicPrefix}' — expected one topic segment of letters, digits, '-', '_' or '.'");
        }

        var expires = CheckCertificates(bundle, now, problems);
        var (keyId, agreement) = CheckAgreement(bundle, now, problems);
        if (bundle.Registration.DeviceId != bundle.DeviceId)
        {
            problems.Add($"registration.device_id: '{bundle.Registration.DeviceId}' — expected this bundle's device_id '{bundle.DeviceId}'");
        }

        return problems.Count == 0
            ? new CheckedEnrollment(bundle, expires, keyId!, agreement)
            : throw new EnrollmentException(source, problems);
    }

    private static DateTimeOffset CheckCertificates(EnrollmentBundle bundle, DateTimeOffset now, List<string> problems)
    {
        using var ca = ParseCertificate(bundle.AgencyCaPem, "agency_ca", problems);
        using var certificate = ParseCertificate(bundle.DeviceCertificatePem, "device_certificate", problems);
        if (ca is not null && ca.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            problems.Add($"agency_ca: '{ca.Subject}' is not a CA certificate (basicConstraints CA:TRUE missing)");
        }

        if (certificate is null)
        {
            return default;
        }

        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (commonName != bundle.DeviceId)
        {
            problems.Add($"device_certificate: issued to CN={commonName}, not to device_id '{bundle.DeviceId}' (the broker takes the CN as the device's identity)");
        }

        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        if (notAfter <= now)
        {
            problems.Add($"device_certificate: expired on {IsoTimestamps.Format(notAfter)} — the agency must issue a new bundle");
        }
        else if (notBefore > now)
        {
            problems.Add($"device_certificate: not valid before {IsoTimestamps.Format(notBefore)} (is this device's clock right? it reads {IsoTimestamps.Format(now)})");
        }

        CheckKey(bundle.DeviceKeyPem, bundle.DeviceCertificatePem, problems);
        if (ca is not null)
        {
            CheckIssuedBy(certificate, ca, now, problems);
        }

        return notAfter;
    }

    private static X509Certificate2? ParseCertificate(string pem, string field, List<string> problems)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            problems.Add($"{field}: not a PEM certificate ({e.Message})");
            return null;
        }
    }

    private static void CheckKey(string keyPem, string certificatePem, List<string> problems)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(keyPem);
            _ = key.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            problems.Add($"device_key: not a PEM EC private key ({e.Message})");
            return;
        }

        try
        {
            using var paired = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            problems.Add("device_key: does not match device_certificate (the key belongs to another certificate)");
        }
    }

    /// <summary>The bundled CA, and only it, must have signed the device certificate; expiry is reported separately above.</summary>
    private static void CheckIssuedBy(X509Certificate2 certificate, X509Certificate2 ca, DateTimeOffset now, List<string> problems)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (chain.Build(certificate) && chain.ChainElements.Count == 2 && chain.ChainElements[1].Certificate.Thumbprint == ca.Thumbprint)
        {
            if (ca.NotAfter.ToUniversalTime() <= now.UtcDateTime)
            {
                problems.Add($"agency_ca: expired on {IsoTimestamps.Format(new DateTimeOffset(ca.NotAfter.ToUniversalTime()))}");
            }

            return;
        }

        var why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        problems.Add($"device_certificate: not signed by the bundled agency_ca '{ca.Subject}' (issuer '{certificate.Issuer}'{(why.Length > 0 ? $": {why}" : "")})");
    }

    private static (string? KeyId, SharingAgreement? Agreement) CheckAgreement(EnrollmentBundle bundle, DateTimeOffset now, List<string> problems)
    {
        AgencyPublicKey key;
        try
        {
            key = AgencyPublicKey.FromPem(bundle.AgencyPublicKeyPem, "agency_public_key");
        }
        catch (InvalidDataException e)
        {
            problems.Add(e.Message);
            return (null, null);
        }

        using (key)
        {
            if (bundle.SignedAgreement is not { } envelope)
            {
                return (key.KeyId, null);
            }

            SharingAgreement agreement;
            try
            {
                agreement = AgreementPayload.Read(key.Verify(envelope, SignedDocumentTypes.Agreement, "agreement"), "agreement");
            }
            catch (SignatureException e)
            {
                problems.Add(e.Message);
                return (key.KeyId, null);
            }
            catch (AgreementFormatException e)
            {
                problems.AddRange(e.Problems.Select(p => $"agreement.payload.{p}"));
                return (key.KeyId, null);
            }

            if (agreement.ValidUntil <= now)
            {
                problems.Add($"agreement: {agreement.AgreementId} version {agreement.Version} expired on {IsoTimestamps.Format(agreement.ValidUntil)} — the agency must sign a current one");
            }

            return (key.KeyId, agreement);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex DeviceIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex TopicSegmentPattern();
}
