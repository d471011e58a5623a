using EdgeIngest.Frames;

namespace EdgeIngest.Tests.Frames;

public sealed class FramePoolTests
{
    [Fact]
    public void Pool_Lends_Its_Fixed_Count_And_Then_Refuses_Instead_Of_Allocating()
    {
        var pool = new FramePool("cam", 64, 32, count: 3);
        var rented = new List<FrameBuffer>();

        while (pool.TryRent(out var buffer))
        {
            rented.Add(buffer);
        }

        Assert.Equal(3, rented.Count);
        Assert.Equal(3, rented.Distinct().Count());
        Assert.Equal(3, pool.Outstanding);
        Assert.False(pool.TryRent(out var none));
        Assert.Null(none);

        rented[1].Release();
        Assert.True(pool.TryRent(out var again));
        Assert.Same(rented[1], again);
    }

    [Fact]
    public void Renting_And_Releasing_Allocates_Nothing()
    {
        var pool = new FramePool("cam", 64, 32, count: 4);
        var held = new FrameBuffer[4];
        RentAndReleaseAll(pool, held); // JIT and first-use costs outside the measurement

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            RentAndReleaseAll(pool, held);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Released_Buffer_Returns_To_Its_Pool_Exactly_Once()
    {
        var pool = new FramePool("cam", 8, 8, count: 2);
        Assert.True(pool.TryRent(out var buffer));

        buffer.Release();

        Assert.Equal(2, pool.Available);
        Assert.Throws<InvalidOperationException>(buffer.Release);
        Assert.Equal(2, pool.Available);
    }

    [Fact]
    public void Buffer_Is_A_Pinned_Bgr_Image_Of_The_Pool_Size_Stamped_With_Camera_Sequence_And_Time()
    {
        var pool = new FramePool("gate-north", 1280, 720, count: 1);
        Assert.True(pool.TryRent(out var buffer));
        var capturedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        buffer.Pixels.Span[^1] = 42;
        buffer.Stamp(7, capturedAt);

        Assert.Equal(1280 * 720 * 3, buffer.Pixels.Length);
        Assert.Equal(new BgrImage(buffer.Pixels, 1280, 720), buffer.Image);
        Assert.Equal(42, buffer.Image.Span[^1]);
        Assert.Equal(3840, buffer.Image.Stride);
        Assert.Equal("gate-north", buffer.CameraId);
        Assert.Equal(7, buffer.SequenceNumber);
        Assert.Equal(capturedAt, buffer.CapturedAtUtc);
    }

    [Fact]
    public void Buffers_Stay_Put_Across_A_Compacting_Collection_So_Native_Code_Can_Hold_Them()
    {
        // Small buffers: an unpinned array this size lives in gen 0 and would be moved.
        var pool = new FramePool("cam", 4, 4, count: 1);
        Assert.True(pool.TryRent(out var buffer));
        var before = GetAddress(buffer);

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        Assert.Equal(before, GetAddress(buffer));
    }

    private static void RentAndReleaseAll(FramePool pool, FrameBuffer[] held)
    {
        for (var i = 0; i < held.Length; i++)
        {
            Assert.True(pool.TryRent(out var buffer));
            held[i] = buffer;
        }

        foreach (var buffer in held)
        {
            buffer.Release();
        }
    }

    private static unsafe nint GetAddress(FrameBuffer buffer)
    {
        fixed (byte* pointer = buffer.Pixels.Span)
        {
            return (nint)pointer;
        }
    }
}
