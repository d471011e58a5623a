using EdgeIngest.Configuration;
using EdgeIngest.Enrollment;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Enrollment;

/// <summary><c>enroll create</c> then <c>enroll apply</c>: the device ends up with a configuration the service accepts.</summary>
public sealed class EnrollmentRoundTripTests(AgencyPki pki) : IDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");
    private readonly EnrollmentWorkspace _workspace = new(pki);

    [Fact]
    public void A_Bundle_Applied_Over_An_Existing_Config_Gives_One_The_Service_Loads_With_Its_Cameras_Kept()
    {
        _workspace.WriteExistingConfig();
        var agreement = _workspace.WriteAgreement(TestAgency.Agreement(3));
        var bundle = EnrollmentCreator.Create(_workspace.Request("acme-01", agreementFile: agreement), DateTimeOffset.UtcNow);

        var applied = EnrollmentApplier.Apply(_workspace.WriteBundle(bundle), _workspace.ConfigFile, DateTimeOffset.UtcNow);
        var config = ConfigLoader.Load(_workspace.ConfigFile);

        Assert.Equal("acme-01", config.Device.Id);
        Assert.Equal(("mqtt.agency.example", 8883, "edgeingest"), (config.Broker.Host, config.Broker.Port, config.Broker.TopicPrefix));
        Assert.Equal(Path.Combine(_workspace.ConfigDirectory, "certs", "device.key"), config.Broker.Tls!.KeyFile);
        Assert.Equal(bundle.DeviceCertificatePem, File.ReadAllText(config.Broker.Tls.CertFile!));
        Assert.Equal(bundle.AgencyCaPem, File.ReadAllText(config.Broker.Tls.CaFile));
        var agreementInBundle = Signing.SignedDocument.Parse(bundle.SignedAgreement, "bundle");
        var agreementApplied = Signing.SignedDocument.Parse(File.ReadAllBytes(config.Agreement.File!), "applied");
        Assert.Equal(agreementInBundle.Payload, agreementApplied.Payload);
        Assert.Equal(agreementInBundle.Signature, agreementApplied.Signature);
        var camera = Assert.Single(config.Cameras);
        Assert.Equal(("gate", "rtsp://viewer:secret@192.0.2.10:554/stream", 4), (camera.Id, camera.Url, camera.Zone!.Polygon!.Count));
        var registration = RegistrationJson.ReadFile(config.Registration.File!);
        Assert.Equal(("acme-01", EnrollmentWorkspace.Property, "1 Main St, Springfield", "+1 555 0100"), (registration.DeviceId, registration.BusinessName, registration.Address, registration.Contact.Phone));
        Assert.Equal(new RegisteredCamera("gate", "north entrance", "facing Main St, northbound"), Assert.Single(registration.Cameras));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config.Broker.Tls.KeyFile!));
        }

        Assert.Contains(applied.Report, line => line.Contains("acme-01 (was unenrolled)", StringComparison.Ordinal));
        Assert.Contains(applied.Report, line => line.Contains("agr-test version 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Cli_Creates_And_Applies_A_Bundle_On_A_Fresh_Device_And_Exits_2_On_Usage_And_3_On_A_Bad_Input()
    {
        var create = await RunAsync(
            "enroll", "create", "--device", "acme-02", "--property", EnrollmentWorkspace.Property, "--broker", "127.0.0.1:8883",
            "--agency-ca", pki.Directory, "--agency-key", _workspace.AgencyKeyFile, "--registration", _workspace.RegistrationFile,
            "--camera", "dock;loading dock;facing the yard", "--out", _workspace.BundleFile);
        var apply = await RunAsync("enroll", "apply", _workspace.BundleFile, "--config-dir", _workspace.ConfigDirectory);
        var usage = await RunAsync("enroll", "create", "--property", "x", "--broker", "h:1", "--agency-ca", pki.Directory, "--out", "x.json");
        var badBroker = await RunAsync(
            "enroll", "create", "--device", "acme-03", "--property", "x", "--broker", "no-port", "--agency-ca", pki.Directory,
            "--agency-key", _workspace.AgencyKeyFile, "--registration", _workspace.RegistrationFile, "--out", Path.Combine(_workspace.Root, "b3.json"));

        Assert.True(create.ExitCode == 0, create.StandardError);
        Assert.True(apply.ExitCode == 0, apply.StandardError);
        Assert.Contains("device id:      acme-02", apply.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 camera(s) registered", apply.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("cameras:        none configured yet", apply.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("dock", Assert.Single(RegistrationJson.ReadFile(Path.Combine(_workspace.ConfigDirectory, EnrollmentFiles.Registration)).Cameras).Name);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_workspace.BundleFile));
        }

        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--device", usage.StandardError, StringComparison.Ordinal);
        Assert.Equal(3, badBroker.ExitCode);
        Assert.Contains("--broker: 'no-port' — expected HOST:PORT", badBroker.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Registration_File_With_A_Missing_Contact_And_An_Unknown_Field_Is_Refused_Naming_Both()
    {
        File.WriteAllText(_workspace.RegistrationFile, "address: 1 Main St\nowner: someone\ncameras:\n  - name: gate\n    location: north\n");

        var refused = Assert.Throws<EnrollmentException>(() => EnrollmentCreator.Create(_workspace.Request("acme-04"), DateTimeOffset.UtcNow));

        Assert.Equal(_workspace.RegistrationFile, refused.Input);
        Assert.Contains("registration.owner: unknown field", refused.Message, StringComparison.Ordinal);
        Assert.Contains("registration.contact: missing", refused.Message, StringComparison.Ordinal);
        Assert.Contains("registration.cameras[0].view_direction: missing", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Config_Whose_Registration_File_Registers_Another_Device_Is_Refused_At_Start()
    {
        _workspace.WriteExistingConfig();
        var bundle = EnrollmentCreator.Create(_workspace.Request("acme-05"), DateTimeOffset.UtcNow);
        EnrollmentApplier.Apply(_workspace.WriteBundle(bundle), _workspace.ConfigFile, DateTimeOffset.UtcNow);
        File.WriteAllText(_workspace.ConfigFile, File.ReadAllText(_workspace.ConfigFile).Replace("id: acme-05", "id: acme-06", StringComparison.Ordinal));

        var refused = Assert.Throws<ConfigException>(() => ConfigLoader.Load(_workspace.ConfigFile));

        Assert.Contains("registration.file:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("registers device 'acme-05', not device.id 'acme-06'", refused.Message, StringComparison.Ordinal);
    }

    private static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Cli, .. arguments], TimeSpan.FromSeconds(60));

    public void Dispose() => _workspace.Dispose();
}
