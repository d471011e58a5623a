using System.Globalization;
using EdgeIngest.Audit;
using EdgeIngest.Configuration;
using EdgeIngest.Hosting;
using EdgeIngest.Installation;
using EdgeIngest.Receiving;
using EdgeIngest.Receiving.Configuration;

namespace EdgeIngest.Demo;

/// <summary>
/// Starts, on loopback only and in this order: the demo video (generated once), the agency's
/// certificates (once), the agency broker from deploy/agency-broker (mutual TLS, per-device ACLs),
/// the simulated RTSP camera, the agency's receiver, and the appliance itself. Stops everything
/// in reverse order when cancelled (Ctrl-C) or after the given time.
/// </summary>
internal static class DemoRunner
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(TimeSpan? duration, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } d)
        {
            limit.CancelAfter(d);
        }

        try
        {
            return await RunCoreAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or ReceiverStartException)
        {
            await Console.Error.WriteLineAsync($"edgeingest demo: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> RunCoreAsync(CancellationToken cancellationToken)
    {
        var root = InstallLayout.Root;
        var demo = new DemoEnvironment(root);
        Console.WriteLine("EdgeIngest demo — everything runs on 127.0.0.1; press Ctrl-C to stop it all.");

        await EnsureVideoAsync(root, demo, cancellationToken).ConfigureAwait(false);
        await RunToEndAsync("certificate maker", "bash", [Path.Combine(root, "deploy", "agency-broker", "make-certs.sh"), "--out", demo.Pki, "--broker-name", "127.0.0.1", DemoEnvironment.DeviceId], demo, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"  pki      {demo.Pki}: agency CA, broker, receiver, and the enrollment bundle of {DemoEnvironment.DeviceId}");

        var brokerPort = DemoPorts.FreeLoopbackPort();
        demo.WriteBrokerConfig(root, brokerPort);
        await using var broker = ChildProcess.Start("MQTT broker (mosquitto)", "mosquitto", ["-c", demo.BrokerConfig], demo.Directory);
        await broker.WaitForPortAsync(brokerPort, StartTimeout, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"  broker   agency broker on 127.0.0.1:{brokerPort}: mutual TLS, per-device ACLs (deploy/agency-broker/)");

        var cameraPort = DemoPorts.FreeLoopbackPort();
        await using var camera = ChildProcess.Start(
            "camera simulator",
            "/usr/bin/python3",
            [Path.Combine(root, "deploy", "camera-simulator", "rtsp_camera.py"), "--port", cameraPort.ToString(CultureInfo.InvariantCulture), "--camera", $"/{DemoEnvironment.CameraId}={demo.Video}"],
            demo.Directory);
        await camera.WaitForPortAsync(cameraPort, StartTimeout, cancellationToken).ConfigureAwait(false);
        var cameraUrl = $"rtsp://127.0.0.1:{cameraPort}/{DemoEnvironment.CameraId}";
        Console.WriteLine($"  camera   {cameraUrl} (cars with plates, looping)");

        demo.WriteApplianceConfig(brokerPort, cameraUrl, DemoPorts.FreeLoopbackPort());
        Console.WriteLine($"  hotlist  {demo.Hotlist}: 7ABC123, 8GHJ552, TRK5150 (the other plates are read but stay on the box)");
        Console.WriteLine($"  config   {demo.ApplianceConfig}");
        Console.WriteLine($"  agency   the receiver (edgeingest receive) prints each hit it gets as a HIT line and stores hits, snapshots and clips in {demo.AgencyOutput}");
        Console.WriteLine();

        using var loggers = ConsoleLogging.Create();
        using var stopReceiver = new CancellationTokenSource();
        var receiver = new AgencyReceiver(ReceiverConfigFor(demo, brokerPort), Console.Out, loggers);
        var receiving = receiver.RunAsync(stopReceiver.Token);

        var exitCode = await ApplianceRunner.RunAsync(demo.ApplianceConfig, loggers, cancellationToken, announce: Console.Out).ConfigureAwait(false);

        // Give what the appliance sent last a moment to be stored and printed.
        await Task.Delay(1000, CancellationToken.None).ConfigureAwait(false);
        await stopReceiver.CancelAsync().ConfigureAwait(false);
        try
        {
            await receiving.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        Console.WriteLine($"Demo stopped: appliance, receiver, camera simulator and broker shut down. The agency's copy is in {demo.AgencyOutput}");
        PrintOwnersView(demo.ApplianceConfig);
        return exitCode;
    }

    /// <summary>What the property owner can check: what left the box, from its own tamper-evident audit.</summary>
    private static void PrintOwnersView(string configPath)
    {
        var paths = AuditPaths.Under(ConfigLoader.Load(configPath).Storage.Directory);
        if (!File.Exists(paths.LogFile))
        {
            return;
        }

        var audit = AuditVerifier.Verify(paths);
        var disclosures = AuditReader.ReadRecords(paths).Count(r => r.Kind == AuditKinds.Disclosure);
        Console.WriteLine($"What left the property, from the box's audit ({paths.LogFile}): {disclosures} disclosure(s) in all demo runs; the chain of {audit.Records} records is {(audit.Intact ? "intact" : "BROKEN")}.");
        Console.WriteLine($"The owner's view: ./edgeingest report --config {configPath}   and   ./edgeingest audit show --config {configPath}");
    }

    private static ReceiverConfig ReceiverConfigFor(DemoEnvironment demo, int brokerPort) => new()
    {
        Broker = new ReceiverBrokerConfig
        {
            Host = "127.0.0.1",
            Port = brokerPort,
            ClientId = "demo-agency-receiver",
            Tls = new TlsConfig
            {
                CaFile = Path.Combine(demo.Pki, "ca.crt"),
                CertFile = Path.Combine(demo.Pki, "receiver.crt"),
                KeyFile = Path.Combine(demo.Pki, "receiver.key"),
            },
        },
        OutputDirectory = demo.AgencyOutput,
    };

    private static async Task EnsureVideoAsync(string root, DemoEnvironment demo, CancellationToken cancellationToken)
    {
        if (!File.Exists(demo.Video))
        {
            Console.WriteLine("  video    generating the demo video (about 10 s, once)...");
            await RunToEndAsync("video generator", "bash", [Path.Combine(root, "deploy", "demo", "make-demo-video.sh"), demo.Video], demo, cancellationToken).ConfigureAwait(false);
        }

        Console.WriteLine($"  video    {demo.Video}");
    }

    private static async Task RunToEndAsync(string name, string fileName, IEnumerable<string> arguments, DemoEnvironment demo, CancellationToken cancellationToken)
    {
        await using var tool = ChildProcess.Start(name, fileName, arguments, demo.Directory);
        if (await tool.WaitForExitAsync(cancellationToken).ConfigureAwait(false) != 0)
        {
            throw new InvalidOperationException($"the {name} failed:{Environment.NewLine}{tool.LastOutput()}");
        }
    }
}
