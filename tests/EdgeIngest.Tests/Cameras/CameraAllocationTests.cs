using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

[Collection(nameof(MeasuresWholeProcess))]
public sealed class CameraAllocationTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    [Fact]
    public async Task Streaming_Camera_Allocates_Next_To_Nothing_Per_Frame()
    {
        await using var camera = TestCameras.Create("cam1-alloc", cameras.Simulator.UrlFor("/cam1"), new InMemoryLoggerProvider().CreateFactory());
        await camera.StartAsync(TestContext.Current.CancellationToken);
        (await camera.NextFrameAsync(TimeSpan.FromSeconds(20))).Release();
        await Task.Delay(500, TestContext.Current.CancellationToken); // past the start-up burst

        // The consumer polls without awaiting, so only the camera's own allocations count.
        var before = GC.GetTotalAllocatedBytes(precise: true);
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

        var bytesPerFrame = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Math.Max(frames, 1);
        Assert.InRange(frames, 15, 40); // 10 fps for 3 s
        Assert.True(bytesPerFrame < 512, $"{bytesPerFrame:F0} bytes allocated per frame (an async pipe read costs ~3 KB)");
    }
}
