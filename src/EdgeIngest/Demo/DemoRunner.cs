using System.Globalization;
using EdgeIngest.Cli;
using EdgeIngest.Configuration;
using EdgeIngest.Events;
using EdgeIngest.Publishing;

namespace EdgeIngest.Demo;

/// <summary>
/// Starts, on loopback only and in this order: the demo video (generated once), a mosquitto
/// broker, the simulated RTSP camera, an agency subscriber on the hit topic, and the appliance
/// itself. Stops everything in reverse order when cancelled (Ctrl-C) or after the given time.
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
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or Interop.Mqtt.MqttException)
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

        var brokerPort = DemoPorts.FreeLoopbackPort();
        demo.WriteBrokerConfig(brokerPort);
        await using var broker = ChildProcess.Start("MQTT broker (mosquitto)", "mosquitto", ["-c", demo.BrokerConfig], demo.Directory);
        await broker.WaitForPortAsync(brokerPort, StartTimeout, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"  broker   mosquitto on 127.0.0.1:{brokerPort}");

        var cameraPort = DemoPorts.FreeLoopbackPort();
        await using var camera = ChildProcess.Start(
            "camera simulator",
            "/usr/bin/python3",
            [Path.Combine(root, "deploy", "camera-simulator", "rtsp_camera.py"), "--port", cameraPort.ToString(CultureInfo.InvariantCulture), "--camera", $"/{DemoEnvironment.CameraId}={demo.Video}"],
            demo.Directory);
        await camera.WaitForPortAsync(cameraPort, StartTimeout, cancellationToken).ConfigureAwait(false);
        var cameraUrl = $"rtsp://127.0.0.1:{cameraPort}/{DemoEnvironment.CameraId}";
        Console.WriteLine($"  camera   {cameraUrl} (cars with plates, looping)");

        demo.WriteApplianceConfig(brokerPort, cameraUrl);
        Console.WriteLine($"  hotlist  {demo.Hotlist}: 7ABC123, 8GHJ552, TRK5150 (the other plates are read but stay on the box)");

        var agencyTopic = TopicLayout.AllHits("edgeingest");
        var agency = await MqttSubscriber.ConnectAsync(new MqttOptions { Host = "127.0.0.1", Port = brokerPort, ClientId = "demo-agency" }, agencyTopic, 1, cancellationToken).ConfigureAwait(false);
        await using (agency.ConfigureAwait(false))
        {
            Console.WriteLine($"  agency   subscribed to {agencyTopic}; hits it receives are printed as AGENCY lines");
            Console.WriteLine($"  config   {demo.ApplianceConfig}");
            Console.WriteLine();
            var printing = Task.Run(async () =>
            {
                await foreach (var message in agency.Messages.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    AgencyPrinter.Print(message);
                }
            }, CancellationToken.None);

            using var loggers = ConsoleLogging.Create();
            var exitCode = await ApplianceRunner.RunAsync(demo.ApplianceConfig, loggers, cancellationToken).ConfigureAwait(false);

            // Give a hit published at the last moment the chance to be printed.
            await Task.Delay(500, CancellationToken.None).ConfigureAwait(false);
            await agency.DisposeAsync().ConfigureAwait(false);
            await printing.ConfigureAwait(false);
            Console.WriteLine("Demo stopped: appliance, camera simulator and broker shut down.");
            return exitCode;
        }
    }

    private static async Task EnsureVideoAsync(string root, DemoEnvironment demo, CancellationToken cancellationToken)
    {
        if (File.Exists(demo.Video))
        {
            Console.WriteLine($"  video    {demo.Video}");
            return;
        }

        Console.WriteLine("  video    generating the demo video (about 10 s, once)...");
        await using var generator = ChildProcess.Start("video generator", "bash", [Path.Combine(root, "deploy", "demo", "make-demo-video.sh"), demo.Video], demo.Directory);
        if (await generator.WaitForExitAsync(cancellationToken).ConfigureAwait(false) != 0)
        {
            throw new InvalidOperationException($"the demo video could not be generated:{Environment.NewLine}{generator.LastOutput()}");
        }

        Console.WriteLine($"  video    {demo.Video}");
    }
}
