using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeIngest.Configuration;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Pipeline;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Receiving;

namespace EdgeIngest.Tests.EndToEnd;

/// <summary>
/// The appliance and the agency together, as deployed: the agency broker from deploy/agency-broker
/// (mutual TLS, per-device ACLs), the appliance enrolled as <c>dev-a</c> reading the simulated
/// camera, and the real receiver (<c>edgeingest receive</c>) on the far side.
/// </summary>
public sealed class AgencyEndToEndTests(AgencyPki pki, DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private const string Hotlist = """
        plate,reason,priority
        7ABC123,Stolen vehicle,critical
        8GHJ552,Wanted in connection with a burglary,high
        TRK5150,Expired registration,low
        """;

    [Fact]
    public async Task A_Hit_And_Its_Clip_Reach_The_Receiver_Over_Mutual_TLS_And_The_Clip_Matches_Its_Announced_Sha256()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "agency")));
        using var workspace = new ApplianceWorkspace(Hotlist);
        var config = ConfigLoader.Load(WriteConfig(workspace, broker, cameras.Simulator.UrlFor("/cam1"), clips: true));
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        await using var appliance = Appliance.Create(config, loggers);
        using var stop = new CancellationTokenSource();
        var running = appliance.RunAsync(stop.Token);

        await Eventually.HoldsAsync(() => receiver.Counters.Clips >= 1, Patience, () => receiver.Describe() + "\nappliance: " + string.Join(" | ", logs.Lines.TakeLast(15)));

        var clipFile = Assert.Single(Directory.GetFiles(Path.Combine(receiver.Output, "clips", AgencyPki.DeviceA), "*.mp4"));
        var eventId = Path.GetFileNameWithoutExtension(clipFile);
        Assert.True(File.Exists(Path.Combine(receiver.Output, "hits", AgencyPki.DeviceA, $"{eventId}.json")), "the clip's hit was not stored by the receiver");
        var decode = await ProcessRunner.RunAsync("ffmpeg", ["-v", "error", "-i", clipFile, "-f", "null", "-"], TimeSpan.FromSeconds(30));
        Assert.True(decode.ExitCode == 0 && decode.StandardError.Length == 0, $"the received clip does not decode cleanly: {decode.StandardError}");
        var probe = await ProcessRunner.RunAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", clipFile], TimeSpan.FromSeconds(30));
        var seconds = double.Parse(probe.StandardOutput.Trim(), CultureInfo.InvariantCulture);
        Assert.True(seconds >= config.Clips.PostRollSeconds, $"clip of {seconds} s is shorter than the post-roll alone");
        Assert.Equal(0, receiver.Counters.RejectedClips);

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Malformed_Oversized_And_Unknown_Commands_Are_Rejected_With_A_Logged_Reason_And_Change_Nothing()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        using var workspace = new ApplianceWorkspace(Hotlist);
        var config = ConfigLoader.Load(WriteConfig(workspace, broker, $"rtsp://127.0.0.1:{MosquittoBroker.FreeLoopbackPort()}/none", clips: false));
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        await using var appliance = Appliance.Create(config, loggers);
        using var stop = new CancellationTokenSource();
        var running = appliance.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => appliance.Connection.IsConnected, Patience, () => string.Join(" | ", logs.Lines.TakeLast(10)));

        // The agency's side: the receiver's identity may publish commands and read results.
        var results = new List<JsonElement>();
        await using var agency = new MqttNetClient(AgencySettings(broker));
        agency.MessageReceived += (_, message) =>
        {
            lock (results)
            {
                results.Add(JsonDocument.Parse(message.Payload).RootElement.Clone());
            }
        };
        await agency.ConnectAsync(TestContext.Current.CancellationToken);
        await agency.SubscribeAsync($"edgeingest/{AgencyPki.DeviceA}/command-results", 1, TestContext.Current.CancellationToken);
        var commands = $"edgeingest/{AgencyPki.DeviceA}/commands";
        var before = appliance.Hotlists.Current;

        await agency.PublishAsync(commands, Encoding.UTF8.GetBytes("{ this is not json"));
        await agency.PublishAsync(commands, new byte[2 * 1024 * 1024]);
        await agency.PublishAsync(commands, Encoding.UTF8.GetBytes("""{"schema":"edgeingest.command/1","command_id":"c-unknown","type":"reboot"}"""));
        await agency.PublishAsync(commands, Encoding.UTF8.GetBytes("""{"schema":"edgeingest.command/1","command_id":"c-bad-list","type":"hotlist.replace","hotlist":{"version":5,"csv":"plate,reason,priority\nAB12,x,high\n"}}"""));

        await Eventually.HoldsAsync(() => logs.Lines.Count(l => l.EventId == 401) >= 4, Patience, () => string.Join(" | ", logs.Lines.Where(l => l.Category.Contains("Commands", StringComparison.Ordinal))));
        await Eventually.HoldsAsync(() => Count(results) >= 2, Patience, () => $"{Count(results)} command results");

        Assert.Same(before, appliance.Hotlists.Current);
        var rejections = logs.Lines.Where(l => l.EventId == 401).Select(l => l.ToString()).ToList();
        Assert.Contains(rejections, r => r.Contains("exceeds", StringComparison.Ordinal));
        Assert.Contains(rejections, r => r.Contains("unknown command type 'reboot'", StringComparison.Ordinal));
        Assert.Contains(rejections, r => r.Contains("no longer takes an unsigned csv", StringComparison.Ordinal));
        lock (results)
        {
            Assert.All(results, r => Assert.False(r.GetProperty("ok").GetBoolean()));
            Assert.Contains(results, r => r.GetProperty("command_id").GetString() == "c-unknown");
        }

        // A valid (signed) replacement still works afterwards: nothing above left the device confused.
        var signed = Encoding.UTF8.GetString(TestAgency.SignHotlist("plate,category,reason,priority\nNEW123,amber_alert,Amber alert,critical\n", 6));
        await agency.PublishAsync(commands, Encoding.UTF8.GetBytes($$"""{"schema":"edgeingest.command/1","command_id":"c-good","type":"hotlist.replace","signed":{{signed}}}"""));
        await Eventually.HoldsAsync(() => appliance.Hotlists.Current.Version == 6, Patience, () => $"hotlist version {appliance.Hotlists.Current.Version}");
        Assert.NotNull(appliance.Hotlists.Match("NEW123"));
        Assert.Null(appliance.Hotlists.Match("7ABC123"));

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    private static int Count(List<JsonElement> results)
    {
        lock (results)
        {
            return results.Count;
        }
    }

    private MqttConnectionSettings AgencySettings(MosquittoBroker broker) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = "agency-console-test",
        UseTls = true,
        CaFile = pki.CaCertificate,
        CertificateFile = pki.ReceiverCertificate,
        KeyFile = pki.ReceiverKey,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    private string WriteConfig(ApplianceWorkspace workspace, MosquittoBroker broker, string cameraUrl, bool clips)
    {
        File.WriteAllText(workspace.ConfigPath, string.Create(CultureInfo.InvariantCulture, $"""
            device:
              id: {AgencyPki.DeviceA}
            cameras:
              - id: entrance
                url: {cameraUrl}
                analysis_fps: 5
            broker:
              host: {broker.Host}
              port: {broker.Port}
              heartbeat_seconds: 5
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {pki.DeviceCertificate(AgencyPki.DeviceA)}
                key_file: {pki.DeviceKey(AgencyPki.DeviceA)}
            hotlist:
              file: hotlist.signed.json
            agency:
              public_key_file: agency-public-key.pem
            storage:
              directory: data
            clips:
              enabled: {(clips ? "true" : "false")}
              segment_root: segments
              pre_roll_seconds: 4
              post_roll_seconds: 4
            """));
        return workspace.ConfigPath;
    }
}
