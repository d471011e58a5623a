using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

[Collection(nameof(MeasuresWholeProcess))]
public sealed class CameraAllocationTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    [Fact]
    public async Task Streaming_Camera_Allocates_Nothing_Per_Frame_On_Its_Reader_Thread_And_Next_To_Nothing_In_The_Process()
    {
        await using var camera = TestCameras.Create("cam1-alloc", cameras.Simulator.UrlFor("/cam1"), new InMemoryLoggerProvider().CreateFactory());
        await camera.StartAsync(TestContext.Current.CancellationToken);
        (await camera.NextFrameAsync(TimeSpan.FromSeconds(20))).Release();
        await Task.Delay(500, TestContext.Current.CancellationToken); // past the start-up burst

        // The consumer polls without awaiting, so only the camera's own allocations count.
        var framesBefore = camera.GetStatus().FramesIn;
        var readerBefore = camera.ReaderAllocatedBytes;
        var processBefore = GC.GetTotalAllocatedBytes(precise: true);
        var frames = 0;
        for (var poll = 0; poll < 30; poll++)
        {
            Thread.Sleep(100);
            while (camera.Frames.TryRead(out var frame))
            {
                frame.Release();
                frames++;
            }
        }

        var processBytesPerFrame = (GC.GetTotalAllocatedBytes(precise: true) - processBefore) / (double)Math.Max(frames, 1);
        var readerBytes = camera.ReaderAllocatedBytes - readerBefore;
        var readerFrames = camera.GetStatus().FramesIn - framesBefore;
        TestContext.Current.TestOutputHelper?.WriteLine($"reader thread: {readerBytes} bytes over {readerFrames} frames; whole process: {processBytesPerFrame:F1} bytes per frame");
        Assert.InRange(frames, 15, 40); // 10 fps for 3 s
        Assert.True(readerFrames >= 15, $"{readerFrames} frames read");
        // The per-frame loop (pipe read into a pooled buffer, stamp, queue, watchdog re-arm) allocates nothing.
        Assert.Equal(0, readerBytes);
        // The rest of the process (timers, the thread pool, this test's own loop) adds a few bytes per frame, not kilobytes.
        Assert.True(processBytesPerFrame < 64, $"{processBytesPerFrame:F0} bytes allocated per frame in the whole process (an async pipe read costs ~3 KB)");
    }
}
