using System.Globalization;
using EdgeIngest.Configuration;

namespace EdgeIngest.Demo;

/// <summary>
/// The demo's working folder (<c>.demo/</c> under the installation root): the generated video,
/// the broker's config, the hotlist and the appliance's config, all written fresh on each run.
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

    public void WriteBrokerConfig(int port)
    {
        var lines = new List<string>
        {
            $"listener {port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1",
            "allow_anonymous true",
            "persistence false",
            "log_dest none",
        };
        if (Environment.UserName == "root")
        {
            lines.Add("user root"); // as root, mosquitto would otherwise switch to a user that cannot read this folder
        }

        File.WriteAllLines(BrokerConfig, lines);
    }

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
            hotlist:
              file: hotlist.csv
            sharing:
              policy: hits_only
            recognition:
              models_directory: {InstallLayout.ModelsDirectory}
            """));
    }
}
