using System.Globalization;
using EdgeIngest.Tests.BrokerAcl;
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

    private FaultWorkspace(string directory) => Directory = directory;

    public string Directory { get; }

    public string ServiceConfig => Path.Combine(Directory, "edgeingest.yaml");

    public string ReceiverConfig => Path.Combine(Directory, "receiver.yaml");

    public string ReceiverOutput => Path.Combine(Directory, "agency");

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
            console:
              enabled: false
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

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
