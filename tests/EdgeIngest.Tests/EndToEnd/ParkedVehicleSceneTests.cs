using System.Text.Json;
using EdgeIngest.Configuration;
using EdgeIngest.Events;
using EdgeIngest.Pipeline;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.EndToEnd;

/// <summary>
/// A rendered street (deploy/demo/make-parked-scene.sh): a car parked in view for the whole clip
/// with a small, soft plate, and three cars passing in front of it, through the whole appliance
/// (camera simulator, ffmpeg, motion gate, recogniser, tracker, outbox, broker). Under the
/// all_reads policy every vehicle pass leaves the box, so what the agency receives counts passes.
/// </summary>
public sealed class ParkedVehicleSceneTests
{
    // The parked car's plate is 150x40 at (825, 395) (make-parked-scene.sh --list).
    private const int ParkedPlateCentreX = 825 + 75;
    private const int ParkedPlateCentreY = 395 + 20;

    // One loop of the 30 s clip, whatever moment the camera joins it at, and a second more.
    private static readonly TimeSpan Watched = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task A_Parked_Car_Is_Reported_Once_And_Then_Not_Read_While_Cars_Pass_In_Front_Of_It()
    {
        await using var simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/street"] = await DemoVideo.GetParkedScenePathAsync() });
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new ApplianceWorkspace("plate,reason,priority\nZZZ9999,Never shown,low\n");
        var config = ConfigLoader.Load(workspace.WriteConfig(broker.Port, [("street", simulator.UrlFor("/street"))], policy: "all_reads"));
        config.Cameras[0].AnalysisFps = 5;
        config.Clips.Enabled = false;
        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), "edgeingest/test-device/reads", 1, TestContext.Current.CancellationToken);
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        await using var appliance = Appliance.Create(config, loggers);
        using var stop = new CancellationTokenSource();
        var running = appliance.RunAsync(stop.Token);
        var worker = appliance.Workers.Single();
        await Eventually.HoldsAsync(() => worker.FramesAnalysed > 0, TimeSpan.FromSeconds(60), () => string.Join(" | ", logs.Lines.TakeLast(10)));

        var reads = new List<ReadEvent>();
        using (var watch = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            watch.CancelAfter(Watched);
            try
            {
                while (true)
                {
                    var message = await agency.Messages.ReadAsync(watch.Token);
                    reads.Add(JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.ReadEvent)!);
                }
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
            }
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var seen = string.Join("; ", reads.Select(r => $"{r.Plate} {r.Confidence:0.00} at ({r.Box.X},{r.Box.Y} {r.Box.Width}x{r.Box.Height}) {r.OccurredAt:HH:mm:ss.f}"));
        var parked = reads.Where(IsParkedPlate).ToList();
        var passing = reads.Where(r => !IsParkedPlate(r)).ToList();
        Assert.True(parked.Count == 1, $"the parked car left the box {parked.Count} times in {Watched.TotalSeconds} s, expected once: {seen}");
        Assert.True(passing.Count >= 2, $"fewer than two of the three passing cars were reported: {seen}");
        Assert.True(passing.Select(r => r.Plate).Distinct().Count() == passing.Count, $"a passing car was reported twice: {seen}");
        Assert.True(worker.ParkedPlatesNotRead > 0, $"the parked plate was read in every frame it was found in ({worker.FramesAnalysed} frames analysed): {seen}");
    }

    // A read whose box holds the parked plate's centre, whatever its text.
    private static bool IsParkedPlate(ReadEvent read) =>
        read.Box.X <= ParkedPlateCentreX && ParkedPlateCentreX <= read.Box.X + read.Box.Width
        && read.Box.Y <= ParkedPlateCentreY && ParkedPlateCentreY <= read.Box.Y + read.Box.Height;
}
