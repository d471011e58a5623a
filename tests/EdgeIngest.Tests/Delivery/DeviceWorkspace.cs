using System.Globalization;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Delivery;

/// <summary>A temp folder with a hotlist and a device configuration for the CLI, its outbox under <c>data/</c>; deleted on dispose.</summary>
internal sealed class DeviceWorkspace : IDisposable
{
    // Three of the six plates in the demo video (deploy/demo/make-demo-video.sh --list).
    public const string DemoHotlist = """
        plate,reason,priority
        7ABC123,Stolen vehicle,critical
        8GHJ552,Wanted in connection with a burglary,high
        TRK5150,Expired registration,low
        """;

    public DeviceWorkspace(string hotlistCsv = DemoHotlist)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("edgeingest-delivery-").FullName;
        TestAgency.WriteSignedHotlist(Directory, hotlistCsv);
    }

    public string Directory { get; }

    public string OutboxFile => Path.Combine(Directory, "data", "outbox.db");

    public string WriteConfig(int brokerPort, string cameraUrl, int keepAliveSeconds = 30, int heartbeatSeconds = 30)
    {
        var path = Path.Combine(Directory, "edgeingest.yaml");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            device:
              id: test-device
            cameras:
              - id: entrance
                url: {cameraUrl}
                analysis_fps: 5
                stall_timeout_seconds: 10
            broker:
              host: 127.0.0.1
              port: {brokerPort}
              keep_alive_seconds: {keepAliveSeconds}
              heartbeat_seconds: {heartbeatSeconds}
            hotlist:
              file: hotlist.signed.json
            agency:
              public_key_file: agency-public-key.pem
            storage:
              directory: data
              outbox_budget_mb: 64
            clips:
              segment_root: segments   # not the shared /dev/shm default: tests run in parallel
            """));
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
