using System.Globalization;
using System.Text;
using EdgeIngest.Configuration;
using EdgeIngest.Hotlists;

namespace EdgeIngest.Enrollment;

/// <summary>
/// Device side: takes a bundle into the configuration folder. Everything is judged first
/// (<see cref="EnrollmentValidator"/>, and the existing configuration must be readable); only a
/// bundle that passes writes anything. Each file is written to a temporary name and renamed over
/// the old one, the private key created with mode 0600 (never readable by others, not even for a
/// moment), and the configuration last, so an interrupted apply leaves the old configuration in
/// force. The configuration keeps every key the bundle does not own (cameras above all).
/// </summary>
public static class EnrollmentApplier
{
    private const UnixFileMode Secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Public = Secret | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Config = Secret | UnixFileMode.GroupRead;

    /// <summary>Reads, checks and applies the bundle at <paramref name="bundlePath"/> to <paramref name="configFile"/> and its folder.</summary>
    public static AppliedEnrollment Apply(string bundlePath, string configFile, DateTimeOffset now)
    {
        var bundle = EnrollmentBundleJson.ReadFile(bundlePath);
        var checkedBundle = EnrollmentValidator.Check(bundle, now, bundlePath);
        return Apply(checkedBundle, configFile);
    }

    public static AppliedEnrollment Apply(CheckedEnrollment enrollment, string configFile)
    {
        var bundle = enrollment.Bundle;
        configFile = Path.GetFullPath(configFile);
        var folder = Path.GetDirectoryName(configFile)!;
        var editor = DeviceConfigEditor.Open(configFile);
        var previousId = editor.Get("device.id");
        var noCameras = !editor.Has("cameras");

        editor.Set("device.id", bundle.DeviceId)
            .Set("broker.host", bundle.BrokerHost)
            .Set("broker.port", bundle.BrokerPort)
            .Set("broker.topic_prefix", bundle.TopicPrefix)
            .Set("broker.tls.ca_file", EnrollmentFiles.AgencyCa)
            .Set("broker.tls.cert_file", EnrollmentFiles.DeviceCertificate)
            .Set("broker.tls.key_file", EnrollmentFiles.DeviceKey)
            .Set("agency.public_key_file", EnrollmentFiles.AgencyPublicKey)
            .Set("registration.file", EnrollmentFiles.Registration);
        if (bundle.SignedAgreement is not null)
        {
            editor.Set("agreement.file", EnrollmentFiles.Agreement);
        }

        var written = new List<string>();
        void Write(string relative, byte[] content, UnixFileMode mode)
        {
            var path = Path.Combine(folder, relative);
            ReplacingFile.Write(path, content, mode);
            written.Add(path);
        }

        Directory.CreateDirectory(Path.Combine(folder, "certs"));
        Write(EnrollmentFiles.AgencyCa, Encoding.ASCII.GetBytes(bundle.AgencyCaPem), Public);
        Write(EnrollmentFiles.DeviceCertificate, Encoding.ASCII.GetBytes(bundle.DeviceCertificatePem), Public);
        Write(EnrollmentFiles.DeviceKey, Encoding.ASCII.GetBytes(bundle.DeviceKeyPem), Secret);
        Write(EnrollmentFiles.AgencyPublicKey, Encoding.ASCII.GetBytes(bundle.AgencyPublicKeyPem), Public);
        if (bundle.SignedAgreement is { } agreement)
        {
            Write(EnrollmentFiles.Agreement, agreement, Public);
        }

        Write(EnrollmentFiles.Registration, RegistrationJson.Write(bundle.Registration), Public);
        var mode = File.Exists(configFile) && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(configFile) : Config;
        ReplacingFile.Write(configFile, Encoding.UTF8.GetBytes(editor.ToYaml()), mode);
        written.Add(configFile);

        return new AppliedEnrollment(configFile, written, Describe(enrollment, previousId, noCameras));
    }

    private static List<string> Describe(CheckedEnrollment enrollment, string? previousId, bool noCameras)
    {
        var bundle = enrollment.Bundle;
        var registration = bundle.Registration;
        var lines = new List<string>
        {
            previousId is not null && previousId != bundle.DeviceId
                ? $"device id:      {bundle.DeviceId} (was {previousId})"
                : $"device id:      {bundle.DeviceId}",
            string.Create(CultureInfo.InvariantCulture, $"broker:         {bundle.BrokerHost}:{bundle.BrokerPort}, TLS with this device's certificate, topics under {bundle.TopicPrefix}/{bundle.DeviceId}/"),
            $"certificate:    CN={bundle.DeviceId}, valid until {IsoTimestamps.Format(enrollment.CertificateExpires)} (key {EnrollmentFiles.DeviceKey}, mode 0600)",
            $"agency key:     {enrollment.AgencyKeyId} (hotlists and agreements must verify with it)",
            enrollment.Agreement is { } agreement
                ? string.Create(CultureInfo.InvariantCulture, $"agreement:      {agreement.AgreementId} version {agreement.Version} with {agreement.Agency}, valid {IsoTimestamps.Format(agreement.ValidFrom)} to {IsoTimestamps.Format(agreement.ValidUntil)}")
                : "agreement:      none in the bundle (sharing.policy governs until the agency sends one)",
            string.Create(CultureInfo.InvariantCulture, $"registration:   {registration.BusinessName}, {registration.Address}; contact {registration.Contact.Name}; {registration.Cameras.Count} camera(s) registered"),
        };
        if (noCameras)
        {
            lines.Add("cameras:        none configured yet: add them (cameras in the configuration, or the console)");
        }

        return lines;
    }
}
