using System.Globalization;
using EdgeIngest.Configuration;
using EdgeIngest.Enrollment;
using EdgeIngest.Signing;

namespace EdgeIngest.WebConsole.Views;

/// <summary>
/// The identity the running service uses (read from its configuration and the files it names):
/// device id, broker, TLS or not, the device and agency CA certificates, the agency signing key
/// and the registration. A missing or unreadable file is said in words, not thrown.
/// </summary>
internal sealed record DeviceView(
    string DeviceId,
    string Broker,
    bool Tls,
    string Summary,
    CertificateFacts? DeviceCertificate,
    CertificateFacts? AgencyCa,
    string AgencyKey,
    string Registration,
    string? ConfigFile,
    string? Pending)
{
    public static DeviceView Of(EdgeIngestConfig config)
    {
        var broker = string.Create(CultureInfo.InvariantCulture, $"{config.Broker.Host}:{config.Broker.Port}, topics under {config.Broker.TopicPrefix}/{config.Device.Id}/");
        var tls = config.Broker.Tls;
        var deviceCertificate = tls?.CertFile is { } certFile ? CertificateFacts.Read(certFile) : null;
        var agencyCa = tls is not null && tls.CaFile.Length > 0 ? CertificateFacts.Read(tls.CaFile) : null;
        var summary = tls is null
            ? "Not enrolled: the broker link is plain MQTT without TLS (fit for a demo or a test on loopback only). Upload the agency's enrollment bundle below."
            : deviceCertificate is null
                ? "TLS to the broker, but without a device certificate: the broker cannot tell this device from another. Upload the agency's enrollment bundle below."
                : "Enrolled: TLS to the agency broker with this device's own certificate.";
        return new DeviceView(config.Device.Id, broker, tls is not null, summary, deviceCertificate, agencyCa, DescribeAgencyKey(config.Agency.PublicKeyFile), DescribeRegistration(config.Registration.File), config.SourceFile, PendingRestart(config));
    }

    /// <summary>What the configuration file names now when it is not what the service runs with (an enrollment applied since the start).</summary>
    private static string? PendingRestart(EdgeIngestConfig config)
    {
        if (config.SourceFile is not { } file)
        {
            return null;
        }

        try
        {
            var written = DeviceConfigEditor.Open(file);
            var (id, host, port, cert) = (written.Get("device.id"), written.Get("broker.host"), written.Get("broker.port"), written.Get("broker.tls.cert_file"));
            var running = (config.Device.Id, config.Broker.Host, config.Broker.Port.ToString(CultureInfo.InvariantCulture), config.Broker.Tls?.CertFile is not null);
            return (id, host, port ?? running.Item3, cert is not null) == running
                ? null
                : $"The configuration file now names device {id} at broker {host}:{port}{(cert is null ? "" : " with TLS and its certificate")}: that takes effect when the service restarts.";
        }
        catch (Exception e) when (e is EnrollmentException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string DescribeAgencyKey(string file)
    {
        if (file.Length == 0)
        {
            return "none configured";
        }

        try
        {
            using var key = AgencyPublicKey.Load(file);
            return $"{key.KeyId} ({file})";
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }

    private static string DescribeRegistration(string? file)
    {
        if (file is null)
        {
            return "none: the agency does not yet know this property's name, address or cameras from this box";
        }

        try
        {
            var registration = RegistrationJson.ReadFile(file);
            return $"{registration.BusinessName}, {registration.Address} ({registration.Cameras.Count} camera(s) registered)";
        }
        catch (EnrollmentException e)
        {
            return e.Message;
        }
    }
}
