using EdgeIngest.Frames;

namespace EdgeIngest.Tests.Frames;

public sealed class FrameQueueTests
{
    [Fact]
    public void Full_Queue_Drops_The_Oldest_Frame_Returns_Its_Buffer_And_Counts_It()
    {
        var pool = new FramePool("cam", 4, 4, count: 5);
        var queue = new FrameQueue(capacity: 2);

        for (var sequence = 1; sequence <= 5; sequence++)
        {
            Assert.True(pool.TryRent(out var frame));
            frame.Stamp(sequence, DateTimeOffset.UnixEpoch);
            queue.Publish(frame);
        }

        Assert.Equal(3, queue.DroppedCount);
        Assert.Equal(2, pool.Outstanding); // the three dropped buffers went back to the pool
        Assert.True(queue.Reader.TryRead(out var first));
        Assert.True(queue.Reader.TryRead(out var second));
        Assert.Equal([4L, 5L], [first.SequenceNumber, second.SequenceNumber]);
        first.Release();
        second.Release();
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Frame_Published_After_Completion_Goes_Back_To_The_Pool()
    {
        var pool = new FramePool("cam", 4, 4, count: 1);
        var queue = new FrameQueue(capacity: 2);
        queue.Complete();

        Assert.True(pool.TryRent(out var frame));
        queue.Publish(frame);

        Assert.Equal(0, pool.Outstanding);
        Assert.True(queue.Reader.Completion.IsCompleted);
    }
}
