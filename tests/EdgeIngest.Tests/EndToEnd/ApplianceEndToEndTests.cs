using System.Text.Json;
using EdgeIngest.Cameras;
using EdgeIngest.Configuration;
using EdgeIngest.Events;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Pipeline;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.EndToEnd;

/// <summary>
/// The whole appliance against real parts on loopback: the RTSP simulator serving the demo
/// video, ffmpeg, ONNX Runtime with the PP-OCRv4 models, and a mosquitto broker with an agency
/// subscriber on the far side.
/// </summary>
public sealed class ApplianceEndToEndTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    private static readonly TimeSpan HitTimeout = TimeSpan.FromSeconds(90);

    // Three of the six plates in the demo video (deploy/demo/make-demo-video.sh --list).
    private const string Hotlist = """
        plate,reason,priority
        7ABC123,Stolen vehicle,critical
        8GHJ552,Wanted in connection with a burglary,high
        TRK5150,Expired registration,low
        """;

    private static readonly Dictionary<string, (string Reason, string Priority)> Listed = new()
    {
        ["7ABC123"] = ("Stolen vehicle", "critical"),
        ["8GHJ552"] = ("Wanted in connection with a burglary", "high"),
        ["TRK5150"] = ("Expired registration", "low"),
    };

    [Fact]
    public async Task A_Plate_Shown_By_The_Camera_Arrives_At_The_Agency_As_A_Hit_With_Every_Field_While_A_Bad_Camera_Reports_Its_Error()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new ApplianceWorkspace(Hotlist);
        var deadPort = MosquittoBroker.FreeLoopbackPort();
        var config = ConfigLoader.Load(workspace.WriteConfig(broker.Port, [("entrance", cameras.Simulator.UrlFor("/cam1")), ("broken", $"rtsp://viewer:hunter2@127.0.0.1:{deadPort}/nothing")]));
        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), "edgeingest/#", 1, TestContext.Current.CancellationToken);
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        await using var appliance = Appliance.Create(config, loggers);
        using var stop = new CancellationTokenSource();
        var running = appliance.RunAsync(stop.Token);
        var started = DateTimeOffset.UtcNow;

        var message = await ReceiveAsync(agency, HitTimeout, () => DescribeState(appliance, logs));

        Assert.Equal("edgeingest/test-device/hits", message.Topic);
        var hit = JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.HitEvent)!;
        Assert.Equal(HitEvent.SchemaV3, hit.Schema);
        Assert.True(hit.FirstReadAt <= hit.OccurredAt, $"first read {hit.FirstReadAt} is after the best frame {hit.OccurredAt}");
        Assert.Equal("test-device", hit.DeviceId);
        Assert.Equal("entrance", hit.CameraId);
        Assert.True(Listed.ContainsKey(hit.Plate), $"hit plate {hit.Plate} is not one the hotlist lists");
        Assert.Equal(hit.Plate, hit.Hotlist.Plate);
        Assert.Equal(Listed[hit.Plate], (hit.Hotlist.Reason, hit.Hotlist.Priority));
        Assert.Equal(("exact", 0, false, hit.Plate), (hit.Match?.Kind, hit.Match?.Distance, hit.Match?.ConfirmBeforeActing, hit.Match?.Reading));
        Assert.InRange(hit.Confidence, 0.6f, 1f);
        Assert.Equal(7, Guid.Parse(hit.EventId).Version);
        Assert.InRange(hit.OccurredAt, started.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.True(hit.Box.Width > 0 && hit.Box.Height > 0 && hit.Box.X >= 0 && hit.Box.Y >= 0 && hit.Box.X + hit.Box.Width <= 1280 && hit.Box.Y + hit.Box.Height <= 720, $"box {hit.Box} is not inside the 1280x720 frame");
        AssertJpeg(hit.Snapshot.FrameJpeg, 1280, 720);
        AssertJpeg(hit.Snapshot.PlateJpeg, null, null);

        // Meanwhile the camera whose URL leads nowhere says why, and its password stays out of every log.
        var broken = appliance.Cameras.Single(c => c.CameraId == "broken").GetStatus();
        Assert.Equal(CameraFailureCause.Unreachable, broken.LastFailure?.Cause);
        Assert.DoesNotContain(logs.Lines, line => line.Contains("hunter2"));
        Assert.Equal(CameraState.Streaming, appliance.Cameras.Single(c => c.CameraId == "entrance").State);

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Reads_That_Are_Not_Hits_Leave_The_Box_Only_Under_The_All_Reads_Policy()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new ApplianceWorkspace("plate,reason,priority\nZZZ9999,Never shown,low\n");
        var config = ConfigLoader.Load(workspace.WriteConfig(broker.Port, [("entrance", cameras.Simulator.UrlFor("/cam2"))], policy: "all_reads"));
        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), "edgeingest/#", 1, TestContext.Current.CancellationToken);
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        await using var appliance = Appliance.Create(config, loggers);
        using var stop = new CancellationTokenSource();
        var running = appliance.RunAsync(stop.Token);

        var message = await ReceiveAsync(agency, HitTimeout, () => DescribeState(appliance, logs));

        Assert.Equal("edgeingest/test-device/reads", message.Topic);
        var read = JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.ReadEvent)!;
        Assert.Equal(ReadEvent.SchemaV1, read.Schema);
        Assert.Contains(read.Plate, new[] { "7ABC123", "KXT4821", "8GHJ552", "LPR2024", "3MNO987", "TRK5150" });
        Assert.DoesNotContain("snapshot", System.Text.Encoding.UTF8.GetString(message.Payload), StringComparison.Ordinal);

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_Camera_Flooding_Recognition_Does_Not_Starve_A_Slower_Camera_Sharing_The_Recogniser()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new ApplianceWorkspace(Hotlist);
        var config = ConfigLoader.Load(workspace.WriteConfig(broker.Port, [("flood", cameras.Simulator.UrlFor("/cam1")), ("calm", cameras.Simulator.UrlFor("/cam2"))]));
        // Every frame of the flooding camera goes to recognition (no motion gate: still frames
        // would be skipped for 0.04 ms each, and a faster recogniser then kept up with 15 frames/s,
        // dropping nothing), into a one-frame queue, so any frame that arrives while the
        // recogniser is busy with the previous one, or with the calm camera's turn, is dropped.
        config.Cameras[0].AnalysisFps = 15;
        config.Cameras[0].Motion.Enabled = false;
        config.Cameras[0].FrameQueueCapacity = 1;
        config.Cameras[1].AnalysisFps = 1; // one frame a second: served within two turns even on a loaded 2-core box
        config.Clips.Enabled = false;
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        await using var appliance = Appliance.Create(config, loggers);
        using var stop = new CancellationTokenSource();
        var running = appliance.RunAsync(stop.Token);

        var worker = (string id) => appliance.Workers.Single(w => w.CameraId == id);
        await Eventually.HoldsAsync(() => worker("calm").FramesAnalysed >= 10, TimeSpan.FromSeconds(90), () => DescribeState(appliance, logs));

        // The flooding camera is kept to what recognition can take by dropping its oldest frames,
        // while the calm one still has every frame it delivers handled (analysed, or found still by
        // its motion gate), bar the ones in its queue.
        var flood = appliance.Cameras.Single(c => c.CameraId == "flood").GetStatus();
        var calm = appliance.Cameras.Single(c => c.CameraId == "calm").GetStatus();
        var calmHandled = worker("calm").FramesAnalysed + worker("calm").FramesSkippedStill;
        Assert.True(flood.FramesDropped > 0, $"the flooding camera dropped nothing: {flood}");
        Assert.True(calmHandled >= calm.FramesIn - 5, $"the calm camera handled {calmHandled} of {calm.FramesIn} frames ({worker("calm").FramesSkippedStill} still)");

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Three_Cameras_On_Two_Recognizers_Each_Read_Frames_And_Skip_To_The_Newest_After_Waiting()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new ApplianceWorkspace(Hotlist);
        var config = ConfigLoader.Load(workspace.WriteConfig(broker.Port, [
            ("north", cameras.Simulator.UrlFor("/cam1")), ("south", cameras.Simulator.UrlFor("/cam2")), ("east", cameras.Simulator.UrlFor("/cam1"))]));
        // Every frame of every camera wants recognition (15 frames/s, no motion gate) and two
        // recognisers serve three cameras, so a camera often waits while frames queue behind the
        // one it holds: those it must pass over for the newest.
        config.Recognition.ParallelFrames = 2;
        config.Recognition.Threads = 1;
        foreach (var camera in config.Cameras)
        {
            camera.AnalysisFps = 15;
            camera.Motion.Enabled = false;
        }

        config.Clips.Enabled = false;
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        await using var appliance = Appliance.Create(config, loggers);
        using var stop = new CancellationTokenSource();
        var running = appliance.RunAsync(stop.Token);

        await Eventually.HoldsAsync(
            () => appliance.Workers.All(w => w.FramesAnalysed >= 10) && appliance.Workers.Sum(w => w.FramesSkippedBehind) > 0,
            TimeSpan.FromSeconds(90),
            () => DescribeState(appliance, logs) + "; passed over " + string.Join(", ", appliance.Workers.Select(w => $"{w.CameraId} {w.FramesSkippedBehind}")));

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Disposing_A_Running_Appliance_Stops_Its_Run_Before_Releasing_The_Models()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new ApplianceWorkspace(Hotlist);
        var config = ConfigLoader.Load(workspace.WriteConfig(broker.Port, [("entrance", cameras.Simulator.UrlFor("/cam2"))]));
        config.Cameras[0].AnalysisFps = 15; // keep recognition busy, so the dispose lands mid-inference
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        var appliance = Appliance.Create(config, loggers);
        var running = appliance.RunAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => appliance.Workers[0].FramesAnalysed >= 3, TimeSpan.FromSeconds(90), () => DescribeState(appliance, logs));

        // As a caller that failed before cancelling would: dispose with the run still going.
        // Releasing the models under a running inference would crash the process, not throw.
        await appliance.DisposeAsync();

        Assert.True(running.IsCompleted, "the run was still going after dispose");
        Assert.Contains(logs.Lines, line => line.EventId == 103);
    }

    private static async Task<MqttReceivedMessage> ReceiveAsync(MqttSubscriber agency, TimeSpan timeout, Func<string> describe)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            // The device's own status and heartbeats also arrive under edgeingest/#; these tests are about events.
            while (true)
            {
                var message = await agency.Messages.ReadAsync(limit.Token);
                if (!message.Topic.EndsWith("/status", StringComparison.Ordinal) && !message.Topic.EndsWith("/heartbeat", StringComparison.Ordinal))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"nothing reached the agency within {timeout.TotalSeconds} s; {describe()}");
        }
    }

    private static string DescribeState(Appliance appliance, InMemoryLoggerProvider logs) =>
        string.Join("; ", appliance.Cameras.Select(c => c.GetStatus().ToString()))
        + $"; reads {appliance.Router.Reads}, hits {appliance.Router.Hits}, delivered {appliance.Sender.Delivered}; last logs: "
        + string.Join(" | ", logs.Lines.TakeLast(10));

    private static void AssertJpeg(string base64, int? width, int? height)
    {
        using var codec = new TurboJpegCodec();
        var info = codec.ReadInfo(Convert.FromBase64String(base64));
        Assert.True(info.Width > 0 && info.Height > 0);
        if (width is not null)
        {
            Assert.Equal((width.Value, height!.Value), (info.Width, info.Height));
        }
    }
}
