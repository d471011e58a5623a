namespace EdgeIngest.Enrollment;

/// <summary>Where an applied enrollment puts its files, relative to the configuration's folder (the configuration names them so).</summary>
public static class EnrollmentFiles
{
    public const string ConfigFile = "edgeingest.yaml";
    public const string DefaultConfigDirectory = "/etc/edgeingest";
    public const string AgencyCa = "certs/agency-ca.pem";
    public const string DeviceCertificate = "certs/device.pem";
    public const string DeviceKey = "certs/device.key";
    public const string AgencyPublicKey = "agency-public-key.pem";
    public const string Agreement = "agreement.signed.json";
    public const string Registration = "registration.json";
}
