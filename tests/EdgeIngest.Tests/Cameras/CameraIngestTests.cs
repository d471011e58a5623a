using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EdgeIngest.Cameras;
using EdgeIngest.Frames;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

public sealed class CameraIngestTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    private static readonly TimeSpan FirstFrameTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(5);

    private readonly InMemoryLoggerProvider _logs = new();

    [Fact]
    public async Task Camera_On_The_Simulator_Delivers_Stream_Sized_Frames_In_Sequence_With_Moving_Content()
    {
        await using var camera = TestCameras.Create("cam1", cameras.Simulator.UrlFor("/cam1"), _logs.CreateFactory());
        await camera.StartAsync(TestContext.Current.CancellationToken);

        var first = await camera.NextFrameAsync(FirstFrameTimeout);
        var firstSequence = first.SequenceNumber;
        var firstTime = first.CapturedAtUtc;
        var firstChecksum = Checksum(first.Image);
        first.Release();
        var previous = firstSequence;
        var contentChanged = false;
        // ffmpeg first decodes what it buffered while opening the stream (through the concat
        // script, a second or so of video) in a burst; time only the frames after the first 2 s.
        var clock = Stopwatch.StartNew();
        var steadyFrames = 0;
        var steadySince = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            var frame = await camera.NextFrameAsync(FrameTimeout);
            Assert.Equal((1280, 720), (frame.Width, frame.Height));
            Assert.Equal(1280 * 720 * 3, frame.Image.Span.Length);
            Assert.True(frame.SequenceNumber > previous, $"sequence {frame.SequenceNumber} after {previous}");
            Assert.True(frame.CapturedAtUtc >= firstTime);
            contentChanged |= Checksum(frame.Image) != firstChecksum;
            previous = frame.SequenceNumber;
            frame.Release();
            if (clock.Elapsed >= TimeSpan.FromSeconds(2))
            {
                if (steadyFrames == 0)
                {
                    steadySince = clock.Elapsed;
                }

                steadyFrames++;
            }
        }

        var framesPerSecond = (steadyFrames - 1) / (clock.Elapsed - steadySince).TotalSeconds;
        Assert.True(contentChanged, "every frame had the same pixels");
        Assert.InRange(framesPerSecond, 5, 15); // the analysis rate is 10 fps
        Assert.Equal(CameraState.Streaming, camera.State);
        Assert.Equal(new VideoSize(1280, 720), camera.GetStatus().FrameSize);
        Assert.InRange(DateTimeOffset.UtcNow - firstTime, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Camera_Where_Nothing_Listens_Fails_As_Unreachable_While_Another_Camera_Keeps_Streaming()
    {
        var logs = _logs.CreateFactory();
        await using var healthy = TestCameras.Create("cam2", cameras.Simulator.UrlFor("/cam2"), logs);
        await using var dead = TestCameras.Create("dead", $"rtsp://admin:topsecret@127.0.0.1:{UnusedLoopbackPort()}/cam", logs);
        await healthy.StartAsync(TestContext.Current.CancellationToken);
        await dead.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(
            () => dead.GetStatus() is { State: CameraState.Failed, LastFailure.Cause: CameraFailureCause.Unreachable },
            TimeSpan.FromSeconds(10),
            () => $"dead camera status {dead.GetStatus()}");

        for (var i = 0; i < 5; i++)
        {
            (await healthy.NextFrameAsync(FirstFrameTimeout)).Release();
        }

        Assert.Equal(CameraState.Streaming, healthy.State);
        Assert.Contains("unreachable", dead.GetStatus().LastFailure!.Message, StringComparison.Ordinal);
        Assert.Contains("rtsp://admin:***@127.0.0.1:", dead.GetStatus().LastFailure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("topsecret"));
    }

    [Fact]
    public async Task Camera_Asking_For_A_Path_The_Server_Does_Not_Have_Fails_As_Stream_Not_Found()
    {
        await using var camera = TestCameras.Create("lost", cameras.Simulator.UrlFor("/no-such-camera"), _logs.CreateFactory());
        await camera.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(
            () => camera.GetStatus().LastFailure?.Cause == CameraFailureCause.StreamNotFound,
            TimeSpan.FromSeconds(10),
            () => $"status {camera.GetStatus()}");
    }

    [Fact]
    public async Task Slow_Consumer_Gets_The_Newest_Frames_And_A_Consumer_Holding_Every_Buffer_Makes_The_Camera_Drop_Not_Allocate()
    {
        await using var camera = TestCameras.Create("cam1-slow", cameras.Simulator.UrlFor("/cam1"), _logs.CreateFactory(), options =>
        {
            options.FrameQueueCapacity = 2;
            options.FrameBufferCount = 3;
        });
        await camera.StartAsync(TestContext.Current.CancellationToken);
        (await camera.NextFrameAsync(FirstFrameTimeout)).Release();

        // Not reading: the queue keeps the two newest and drops (and recycles) the rest.
        await Eventually.HoldsAsync(() => camera.GetStatus().FramesDroppedStale >= 5, TimeSpan.FromSeconds(10), () => $"{camera.GetStatus()}");
        Assert.Equal(0, camera.GetStatus().FramesDroppedNoBuffer);

        // Holding every buffer: new frames cannot get one and are dropped, never allocated.
        var held = new List<FrameBuffer>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await camera.NextFrameAsync(FrameTimeout));
        }

        await Eventually.HoldsAsync(() => camera.GetStatus().FramesDroppedNoBuffer >= 3, TimeSpan.FromSeconds(10), () => $"{camera.GetStatus()}");
        Assert.False(camera.Frames.TryRead(out _));
        var newestHeld = held.Max(frame => frame.SequenceNumber);

        held.ForEach(frame => frame.Release());
        var next = await camera.NextFrameAsync(FrameTimeout);
        Assert.True(next.SequenceNumber > newestHeld + 2, "frames dropped while the buffers were held keep their sequence numbers");
        next.Release();
    }

    [Fact]
    public async Task Stopping_A_Camera_Completes_Its_Frames_And_Leaves_No_Ffmpeg_Behind()
    {
        var camera = TestCameras.Create("cam1-stop", cameras.Simulator.UrlFor("/cam1"), _logs.CreateFactory());
        await camera.StartAsync(TestContext.Current.CancellationToken);
        (await camera.NextFrameAsync(FirstFrameTimeout)).Release();
        var ffmpegPid = camera.FfmpegProcessId;
        Assert.NotEqual(0, ffmpegPid);
        Assert.True(Directory.Exists($"/proc/{ffmpegPid}"));

        var clock = Stopwatch.StartNew();
        await camera.DisposeAsync();

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(CameraState.Stopped, camera.State);
        Assert.Equal(0, camera.FfmpegProcessId);
        Assert.False(Directory.Exists($"/proc/{ffmpegPid}"), $"ffmpeg {ffmpegPid} still exists (running or zombie)");
        while (camera.Frames.TryRead(out var leftover))
        {
            leftover.Release();
        }

        await camera.Frames.Completion.WaitAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static long Checksum(BgrImage image)
    {
        long sum = 0;
        var pixels = image.Span;
        for (var i = 0; i < pixels.Length; i += 97)
        {
            sum = (sum * 31) + pixels[i];
        }

        return sum;
    }
}
