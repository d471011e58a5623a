using System.Globalization;
using EdgeIngest.Configuration;
using EdgeIngest.Installation;

namespace EdgeIngest.Demo;

/// <summary>
/// The demo's working folder (<c>.demo/</c> under the installation root): the generated video, the
/// agency's certificates, the broker's config, the hotlist and the appliance's config, and what
/// the agency's receiver stored.
/// </summary>
internal sealed class DemoEnvironment
{
    public DemoEnvironment(string root)
    {
        Directory = Path.Combine(root, ".demo");
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Video => Path.Combine(Directory, "demo.mp4");

    public string BrokerConfig => Path.Combine(Directory, "mosquitto.conf");

    public string Hotlist => Path.Combine(Directory, "hotlist.csv");

    public string ApplianceConfig => Path.Combine(Directory, "edgeingest.yaml");

    public const string DeviceId = "demo-device";

    public const string CameraId = "gate";

    /// <summary>The agency's certificates (make-certs.sh): CA, broker, receiver, and this device's enrollment bundle.</summary>
    public string Pki => Path.Combine(Directory, "pki");

    public string DeviceBundle => Path.Combine(Pki, "devices", DeviceId);

    /// <summary>What the agency's receiver stored: hits, snapshots, clips, device status.</summary>
    public string AgencyOutput => Path.Combine(Directory, "agency");

    public string BrokerFolder => System.IO.Directory.CreateDirectory(Path.Combine(Directory, "broker")).FullName;

    public void WriteBrokerConfig(string root, int port) =>
        File.WriteAllText(BrokerConfig, AgencyBrokerConfig.Render(
            Path.Combine(root, "deploy", "agency-broker"), Pki, port, BrokerFolder, Path.Combine(BrokerFolder, "mosquitto.log")));

    public void WriteApplianceConfig(int brokerPort, string cameraUrl)
    {
        File.WriteAllText(Hotlist, DemoHotlist.Csv + "\n");
        File.WriteAllText(ApplianceConfig, string.Create(CultureInfo.InvariantCulture, $"""
            # Written by `edgeingest demo`: everything on loopback.
            device:
              id: {DeviceId}
            cameras:
              - id: {CameraId}
                url: {cameraUrl}
                analysis_fps: 5
            broker:
              host: 127.0.0.1
              port: {brokerPort}
              tls:                       # mutual TLS with the enrollment bundle from make-certs.sh
                ca_file: {Path.Combine(DeviceBundle, "ca.crt")}
                cert_file: {Path.Combine(DeviceBundle, "device.crt")}
                key_file: {Path.Combine(DeviceBundle, "device.key")}
            hotlist:
              file: hotlist.csv
            sharing:
              policy: hits_only
            recognition:
              models_directory: {InstallLayout.ModelsDirectory}
            """));
    }
}
