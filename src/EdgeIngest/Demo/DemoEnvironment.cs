using System.Globalization;
using EdgeIngest.Configuration;
using EdgeIngest.Hotlists;
using EdgeIngest.Signing;
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

    /// <summary>The demo's hotlist as the agency writes it, and signed with the demo agency key.</summary>
    public string HotlistCsv => Path.Combine(Directory, "hotlist.csv");

    public string Hotlist => Path.Combine(Directory, "hotlist.signed.json");

    /// <summary>The demo agency's signing key pair (made once, at the first demo; the device trusts the public half).</summary>
    public string AgencyKeys => Path.Combine(Directory, "agency-keys");

    public string ApplianceConfig => Path.Combine(Directory, "edgeingest.yaml");

    public const string DeviceId = "demo-device";

    public const string CameraId = "gate";

    /// <summary>The agency's certificates (make-certs.sh): CA, broker, receiver, and this device's enrollment bundle.</summary>
    public string Pki => Path.Combine(Directory, "pki");

    public string DeviceBundle => Path.Combine(Pki, "devices", DeviceId);

    /// <summary>What the agency's receiver stored: hits, snapshots, clips, device status.</summary>
    public string AgencyOutput => Path.Combine(Directory, "agency");

    public string BrokerFolder => System.IO.Directory.CreateDirectory(Path.Combine(Directory, "broker")).FullName;

    /// <summary>Signs the demo hotlist (version 1) with the demo agency key, made on first use; returns the public key's path.</summary>
    private string SignHotlist()
    {
        var privatePath = Path.Combine(AgencyKeys, "agency-signing-key.pem");
        var publicPath = Path.Combine(AgencyKeys, "agency-public-key.pem");
        if (!File.Exists(privatePath))
        {
            System.IO.Directory.CreateDirectory(AgencyKeys);
            using var generated = AgencySigningKey.Generate();
            File.WriteAllText(privatePath, generated.PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.WriteAllText(publicPath, generated.PublicKeyPem());
        }

        using var key = AgencySigningKey.Load(privatePath);
        var entries = Hotlists.HotlistCsv.Load(HotlistCsv);
        File.WriteAllBytes(Hotlist, key.Sign(SignedDocumentTypes.Hotlist, HotlistPayloadWriter.Full(1, DateTimeOffset.UtcNow, entries)).ToJson());
        return publicPath;
    }

    public void WriteBrokerConfig(string root, int port) =>
        File.WriteAllText(BrokerConfig, AgencyBrokerConfig.Render(
            Path.Combine(root, "deploy", "agency-broker"), Pki, port, BrokerFolder, Path.Combine(BrokerFolder, "mosquitto.log")));

    public void WriteApplianceConfig(int brokerPort, string cameraUrl, int consolePort)
    {
        File.WriteAllText(HotlistCsv, DemoHotlist.Csv + "\n");
        var publicKey = SignHotlist();
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
              file: {Hotlist}
            agency:
              public_key_file: {publicKey}
            sharing:
              policy: hits_only
            recognition:
              models_directory: {InstallLayout.ModelsDirectory}
            console:                     # the owner's web console, on loopback only
              listen: 127.0.0.1:{consolePort}
            """));
    }
}
