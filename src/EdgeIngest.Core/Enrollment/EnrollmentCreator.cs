using System.Globalization;
using EdgeIngest.Signing;

namespace EdgeIngest.Enrollment;

/// <summary>
/// Agency side of <c>enroll create</c>: issues the device's certificate with the agency CA, gathers
/// the CA, the agency's signing public key, the signed agreement and the registration into one
/// bundle, and judges the result as the device will (<see cref="EnrollmentValidator"/>), so a
/// bundle that would be refused at the property is refused here instead.
/// </summary>
public static class EnrollmentCreator
{
    public const string AgencyPublicKeyFile = "agency-public-key.pem";

    public static EnrollmentBundle Create(EnrollmentRequest request, DateTimeOffset now)
    {
        var (host, port) = ParseBroker(request.Broker);
        var registration = RegistrationInput.Read(request);
        var publicKeyPath = request.AgencyPublicKeyFile ?? Path.Combine(request.AgencyCaDirectory, AgencyPublicKeyFile);
        var publicKeyPem = ReadText(publicKeyPath, "the agency's signing public key (edgeingest hotlist keygen makes agency-public-key.pem; or give --agency-key FILE)");
        try
        {
            using var key = AgencyPublicKey.FromPem(publicKeyPem, publicKeyPath);
        }
        catch (InvalidDataException e)
        {
            throw new EnrollmentException(publicKeyPath, [e.Message]);
        }

        byte[]? agreement = null;
        if (request.AgreementFile is { } agreementPath)
        {
            ReadText(agreementPath, "a signed agreement (edgeingest agreement sign)");
            agreement = File.ReadAllBytes(agreementPath);
            try
            {
                SignedDocument.Parse(agreement, agreementPath);
            }
            catch (SignatureException e)
            {
                throw new EnrollmentException(agreementPath, [e.Message]);
            }
        }

        using var issuer = DeviceCertificateIssuer.Load(request.AgencyCaDirectory);
        var identity = issuer.Issue(request.DeviceId, now, request.CertificateValidity);
        var bundle = new EnrollmentBundle(
            request.DeviceId, host, port, request.TopicPrefix, issuer.CaPem, identity.CertificatePem, identity.KeyPem, publicKeyPem, agreement, registration, now);
        EnrollmentValidator.Check(bundle, now, "the new bundle");
        return bundle;
    }

    /// <summary><c>HOST:PORT</c>, or <c>[IPv6]:PORT</c>.</summary>
    public static (string Host, int Port) ParseBroker(string text)
    {
        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon] : "";
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535
            || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw new EnrollmentException("--broker", [$"'{text}' — expected HOST:PORT, e.g. mqtt.agency.example:8883 or [2001:db8::1]:8883"]);
        }

        return (host, port);
    }

    private static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EnrollmentException(path, [$"the file does not exist — expected {what}"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EnrollmentException(path, [$"cannot be read: {e.Message}"]);
        }
    }
}
