using System.Text.Json;
using EdgeIngest.Configuration;
using EdgeIngest.Pipeline;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Delivery;

/// <summary>The appliance's heartbeat, as the agency receives it, against the contract in docs/events.md.</summary>
public sealed class HeartbeatTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Heartbeat_Arrives_With_Every_Documented_Field_Including_A_Failing_Cameras_Cause()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new DeviceWorkspace();
        var deadCamera = $"rtsp://127.0.0.1:{MosquittoBroker.FreeLoopbackPort()}/nothing";
        var config = ConfigLoader.Load(workspace.WriteConfig(broker.Port, deadCamera, heartbeatSeconds: 1));
        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), "edgeingest/test-device/heartbeat", 1, Cancellation);
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        await using var appliance = Appliance.Create(config, loggers);
        using var stop = new CancellationTokenSource();
        var running = appliance.RunAsync(stop.Token);

        // The first heartbeats may come before the camera's first attempt has failed; wait for one that says why.
        JsonElement root;
        do
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            root = JsonDocument.Parse((await agency.Messages.ReadAsync(limit.Token)).Payload).RootElement.Clone();
        }
        while (root.GetProperty("cameras")[0].GetProperty("failure").ValueKind == JsonValueKind.Null);

        Assert.Equal("edgeingest.heartbeat/1", root.GetProperty("schema").GetString());
        Assert.Equal("test-device", root.GetProperty("device_id").GetString());
        Assert.True(root.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.True(root.GetProperty("uptime_seconds").GetInt64() >= 0);
        var camera = root.GetProperty("cameras")[0];
        Assert.Equal("entrance", camera.GetProperty("camera_id").GetString());
        Assert.Contains(camera.GetProperty("state").GetString(), new[] { "connecting", "failed" });
        foreach (var counter in new[] { "frames_in", "frames_analysed", "frames_skipped_still", "frames_dropped", "restarts" })
        {
            Assert.True(camera.GetProperty(counter).GetInt64() >= 0, counter);
        }

        Assert.Equal(JsonValueKind.Null, camera.GetProperty("last_frame_age_seconds").ValueKind);
        Assert.Equal("unreachable", camera.GetProperty("failure").GetProperty("cause").GetString());
        Assert.False(string.IsNullOrEmpty(camera.GetProperty("failure").GetProperty("message").GetString()));
        var outbox = root.GetProperty("outbox");
        foreach (var field in new[] { "events", "clip_messages", "bytes", "oldest_age_seconds", "dropped_clip_bytes" })
        {
            Assert.True(outbox.GetProperty(field).GetDouble() >= 0, field);
        }

        Assert.True(root.GetProperty("disk").GetProperty("free_bytes").GetInt64() > 0);
        Assert.True(File.Exists(workspace.OutboxFile), "the outbox file was not created in the configured storage folder");

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
    }
}
