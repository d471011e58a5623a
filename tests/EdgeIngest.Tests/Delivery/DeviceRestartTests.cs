using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Delivery;

/// <summary>The real CLI process, killed with SIGKILL: what it logged as a hit must still reach the agency, and the broker must report it offline.</summary>
public sealed partial class DeviceRestartTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    private static readonly TimeSpan FirstHitTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hits_Logged_By_A_Device_Killed_While_The_Broker_Was_Down_All_Arrive_After_It_Restarts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await broker.StopAsync();
        using var workspace = new DeviceWorkspace();
        var config = workspace.WriteConfig(broker.Port, cameras.Simulator.UrlFor("/cam1"));

        Dictionary<string, string> logged;
        await using (var first = CliProcess.Start(config))
        {
            await first.WaitForAsync(lines => HitIds(lines).Count > 0, FirstHitTimeout, "the device logged a HIT");
            await first.KillAsync();
            logged = HitIds(first.Lines);
            Assert.Contains(first.Lines, l => l.Contains("Cannot reach the agency broker", StringComparison.Ordinal));
        }

        await broker.RestartAsync();
        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), TopicLayout.AllHits("edgeingest"), 1, Cancellation);
        await using var second = CliProcess.Start(config);
        var received = new Dictionary<string, string>();
        while (!logged.Keys.All(received.ContainsKey))
        {
            var message = await NextAsync(agency, () => $"received {string.Join(", ", received.Keys)}; waiting for {string.Join(", ", logged.Keys)}; device:\n{string.Join('\n', second.Lines.TakeLast(20))}");
            var hit = JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.HitEvent)!;
            received.TryAdd(hit.EventId, hit.Plate);
        }

        Assert.All(logged, pair => Assert.Equal(pair.Value, received[pair.Key]));
        Assert.Contains(second.Lines, l => l.Contains("waiting from before", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Device_Killed_Without_Warning_Is_Reported_Offline_By_Its_Last_Will()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new DeviceWorkspace();
        var deadCamera = $"rtsp://127.0.0.1:{MosquittoBroker.FreeLoopbackPort()}/nothing";
        var config = workspace.WriteConfig(broker.Port, deadCamera, keepAliveSeconds: 5);
        await using var watcher = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), "edgeingest/test-device/status", 1, Cancellation);
        await using var device = CliProcess.Start(config);

        var online = Status(await NextAsync(watcher, () => string.Join('\n', device.Lines.TakeLast(20))));
        Assert.Equal(("online", "test-device"), (online.State, online.DeviceId));
        await device.KillAsync();

        // The kernel closes the dead process's socket without an MQTT DISCONNECT, so the broker
        // publishes the will at once (after a power cut it would take 1.5 × keep-alive instead).
        var offline = Status(await NextAsync(watcher, () => broker.ReadLog()));
        Assert.Equal(StatusEvent.SchemaV1, offline.Schema);
        Assert.Equal(("offline", "test-device"), (offline.State, offline.DeviceId));
        Assert.Null(offline.At);
        await using var latecomer = await MqttSubscriber.ConnectAsync(broker.ClientOptions("latecomer"), "edgeingest/test-device/status", 1, Cancellation);
        var retained = await NextAsync(latecomer, () => "no retained status");
        Assert.True(retained.Retain);
        Assert.Equal("offline", Status(retained).State);
    }

    private static StatusEvent Status(MqttReceivedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.StatusEvent)!;

    /// <summary>Event id → plate of every <c>HIT</c> line, e.g. <c>HIT  entrance 7ABC123 confidence 1.00 — … event 019a… queued</c>.</summary>
    private static Dictionary<string, string> HitIds(IEnumerable<string> lines) =>
        lines.Select(l => HitLine().Match(l)).Where(m => m.Success).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["plate"].Value);

    private static async Task<MqttReceivedMessage> NextAsync(MqttSubscriber subscriber, Func<string> describe)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        limit.CancelAfter(Patience);
        try
        {
            return await subscriber.Messages.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!Cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"nothing arrived within {Patience.TotalSeconds} s; {describe()}");
        }
    }

    [GeneratedRegex(@"HIT\s+\S+\s+(?<plate>\S+)\s.*event (?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex HitLine();
}
