using System.Threading.Channels;

namespace EdgeIngest.Frames;

/// <summary>
/// The hand-off from a camera to the analysis stages: a bounded channel that, when the consumer
/// falls behind, drops the OLDEST frame (freshness over completeness), returns its buffer to the
/// pool and counts it.
/// </summary>
public sealed class FrameQueue
{
    private readonly Channel<FrameBuffer> _channel;
    private long _dropped;

    public FrameQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleWriter = true,
            SingleReader = false,
            AllowSynchronousContinuations = false,
        };
        _channel = Channel.CreateBounded<FrameBuffer>(options, OnDropped);
    }

    public int Capacity { get; }

    public ChannelReader<FrameBuffer> Reader => _channel.Reader;

    /// <summary>Frames dropped because the queue was full when a newer one arrived.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Queues a frame; never blocks. Once the queue is completed the frame is released.</summary>
    public void Publish(FrameBuffer frame)
    {
        if (!_channel.Writer.TryWrite(frame))
        {
            frame.Release();
        }
    }

    /// <summary>Ends the stream of frames; the reader sees completion after draining.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private void OnDropped(FrameBuffer frame)
    {
        frame.Release();
        Interlocked.Increment(ref _dropped);
    }
}
