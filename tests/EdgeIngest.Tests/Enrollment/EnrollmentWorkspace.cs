using EdgeIngest.Enrollment;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Enrollment;

/// <summary>
/// A technician's desk and a device's config folder in one temp folder: the agency CA comes from
/// the test run's <see cref="AgencyPki"/> (made by make-certs.sh), the signing key from
/// <see cref="TestAgency"/>, and a registration file with one camera.
/// </summary>
internal sealed class EnrollmentWorkspace : IDisposable
{
    public const string Property = "Acme Warehouse";

    public EnrollmentWorkspace(AgencyPki pki)
    {
        Pki = pki;
        Directory.CreateDirectory(ConfigDirectory);
        File.WriteAllText(AgencyKeyFile, TestAgency.Key.PublicKeyPem());
        File.WriteAllText(RegistrationFile, """
            address: 1 Main St, Springfield
            contact:
              name: Jane Roe
              phone: "+1 555 0100"
            cameras:
              - name: gate
                location: north entrance
                view_direction: facing Main St, northbound
            """);
    }

    public AgencyPki Pki { get; }

    public string Root { get; } = Directory.CreateTempSubdirectory("edgeingest-enroll-").FullName;

    public string ConfigDirectory => Path.Combine(Root, "etc");

    public string ConfigFile => Path.Combine(ConfigDirectory, EnrollmentFiles.ConfigFile);

    public string AgencyKeyFile => Path.Combine(Root, "agency-public-key.pem");

    public string RegistrationFile => Path.Combine(Root, "registration.yaml");

    public string BundleFile => Path.Combine(Root, "bundle.json");

    public EnrollmentRequest Request(string deviceId, string broker = "mqtt.agency.example:8883", string? agreementFile = null) => new()
    {
        DeviceId = deviceId,
        PropertyName = Property,
        Broker = broker,
        AgencyCaDirectory = Pki.Directory,
        AgencyPublicKeyFile = AgencyKeyFile,
        AgreementFile = agreementFile,
        RegistrationFile = RegistrationFile,
    };

    /// <summary>A signed agreement file, as <c>agreement sign</c> writes it.</summary>
    public string WriteAgreement(Agreements.SharingAgreement agreement, Signing.AgencySigningKey? key = null)
    {
        var path = Path.Combine(Root, $"agreement-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, TestAgency.SignAgreement(agreement, key));
        return path;
    }

    public string WriteBundle(EnrollmentBundle bundle)
    {
        File.WriteAllBytes(BundleFile, EnrollmentBundleJson.Write(bundle));
        return BundleFile;
    }

    /// <summary>An existing device configuration the owner wrote: a camera with a zone, the signed hotlist, storage.</summary>
    public void WriteExistingConfig()
    {
        TestAgency.WriteSignedHotlist(ConfigDirectory, "plate,category,reason,priority\nABC123,stolen_vehicle,Stolen,high\n");
        File.WriteAllText(ConfigFile, $"""
            device:
              id: unenrolled
            cameras:
              - id: gate
                url: rtsp://viewer:secret@192.0.2.10:554/stream
                zone:
                  polygon: [[0, 0.5], [1, 0.5], [1, 1], [0, 1]]
            broker:
              host: localhost
              port: 1883
            storage:
              directory: data
            {TestAgency.ConfigYaml}
            """);
    }

    /// <summary>Every file under the config folder with its bytes: "nothing changed" is this staying equal.</summary>
    public SortedDictionary<string, string> Snapshot() => new(
        Directory.EnumerateFiles(ConfigDirectory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(ConfigDirectory, f), f => Convert.ToBase64String(File.ReadAllBytes(f))),
        StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
