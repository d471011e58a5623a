using System.Globalization;
using EdgeIngest.Hotlists;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.WebConsole.Access;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// The rig's folder: the suite's hotlist (all six demo plates, so every pass is a hit with a clip),
/// the device's config (mutual TLS with dev-a's certificate, clips on, the outbox in data/) and the
/// receiver's config and output folder. Both configs stay the same across kills and restarts.
/// </summary>
internal sealed class FaultWorkspace : IDisposable
{
    private const string Hotlist = """
        plate,reason,priority
        7ABC123,Stolen vehicle,critical
        KXT4821,Fault suite,high
        8GHJ552,Wanted in connection with a burglary,high
        LPR2024,Fault suite,medium
        3MNO987,Fault suite,medium
        TRK5150,Expired registration,low
        """;

    /// <summary>The owner's console password when <see cref="FaultRigOptions.Footage"/> is on.</summary>
    public const string ConsolePassword = "correct horse battery";

    private FaultWorkspace(string directory) => Directory = directory;

    public string Directory { get; }

    public string ServiceConfig => Path.Combine(Directory, "edgeingest.yaml");

    public string ReceiverConfig => Path.Combine(Directory, "receiver.yaml");

    public string ReceiverOutput => Path.Combine(Directory, "agency");

    /// <summary>The console's address when <see cref="FaultRigOptions.Footage"/> is on, else null.</summary>
    public Uri? ConsoleAddress { get; private set; }

    /// <summary>The device's continuous recording of the rig's camera.</summary>
    public string RecordingFolder => Path.Combine(Directory, "data", "recordings", FaultRig.CameraId);

    public static FaultWorkspace Create(AgencyPki pki, MosquittoBroker broker, int devicePort, string cameraUrl, FaultRigOptions options)
    {
        var workspace = new FaultWorkspace(System.IO.Directory.CreateTempSubdirectory("edgeingest-faults-").FullName);
        TestAgency.WriteSignedHotlist(workspace.Directory, Hotlist);
        File.WriteAllText(workspace.ServiceConfig, string.Create(CultureInfo.InvariantCulture, $"""
            device:
              id: {FaultRig.DeviceId}
            cameras:
              - id: {FaultRig.CameraId}
                url: {cameraUrl}
                analysis_fps: 3
                stall_timeout_seconds: 5
            broker:
              host: {broker.Host}
              port: {devicePort}
              heartbeat_seconds: 5
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {pki.DeviceCertificate(FaultRig.DeviceId)}
                key_file: {pki.DeviceKey(FaultRig.DeviceId)}
            hotlist:
              file: hotlist.signed.json
            agency:
              public_key_file: agency-public-key.pem
            storage:
              directory: data
              outbox_budget_mb: {options.OutboxBudgetMb}
            clips:
              enabled: true
              segment_root: segments
              pre_roll_seconds: {options.ClipRollSeconds}
              post_roll_seconds: {options.ClipRollSeconds}
            {ConsoleSection(workspace, options)}
            """));
        File.WriteAllText(workspace.ReceiverConfig, $"""
            broker:
              host: {broker.Host}
              port: {broker.Port}
              client_id: agency-receiver-faults
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {pki.ReceiverCertificate}
                key_file: {pki.ReceiverKey}
            output_directory: {workspace.ReceiverOutput}
            """);
        return workspace;
    }

    /// <summary>
    /// The console off, or (footage requests) on a free loopback port with its password already set
    /// and a signed agreement in force: a footage request needs one.
    /// </summary>
    private static string ConsoleSection(FaultWorkspace workspace, FaultRigOptions options)
    {
        if (!options.Footage)
        {
            return "console:\n  enabled: false";
        }

        var port = MosquittoBroker.FreeLoopbackPort();
        workspace.ConsoleAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        new PasswordStore(Path.Combine(workspace.Directory, "data", "console")).Set(ConsolePassword);
        var agreement = TestAgency.Agreement(1, [.. HotlistCategories.All]);
        File.WriteAllBytes(Path.Combine(workspace.Directory, "agreement.signed.json"), TestAgency.SignAgreement(agreement));
        return string.Create(CultureInfo.InvariantCulture, $"""
            console:
              enabled: true
              listen: 127.0.0.1:{port}
              https: "off"
            agreement:
              file: agreement.signed.json
            """);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
