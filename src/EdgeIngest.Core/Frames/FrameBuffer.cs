namespace EdgeIngest.Frames;

/// <summary>
/// One decoded frame in a pinned, pool-owned buffer of <c>Width * Height * 3</c> BGR bytes,
/// stamped with the camera, a per-camera sequence number and the UTC time it arrived.
/// Whoever holds it last (the consumer, or the queue when it drops it) calls <see cref="Release"/>
/// once; the buffer then goes back to its pool and must not be touched again.
/// </summary>
public sealed class FrameBuffer
{
    private readonly FramePool _pool;
    private readonly byte[] _pixels;
    private int _rented;

    internal FrameBuffer(FramePool pool, string cameraId, int width, int height)
    {
        _pool = pool;
        CameraId = cameraId;
        Width = width;
        Height = height;
        // Pinned so native code (ONNX Runtime, libturbojpeg) can read it without copying.
        _pixels = GC.AllocateArray<byte>(width * height * BgrImage.BytesPerPixel, pinned: true);
    }

    public string CameraId { get; }

    public int Width { get; }

    public int Height { get; }

    public long SequenceNumber { get; private set; }

    public DateTimeOffset CapturedAtUtc { get; private set; }

    /// <summary>The pixel bytes; the producer writes them, consumers only read.</summary>
    public Memory<byte> Pixels => _pixels;

    public BgrImage Image => new(_pixels, Width, Height);

    internal bool IsRented => Volatile.Read(ref _rented) == 1;

    /// <summary>Stamps the frame once its pixels are filled in.</summary>
    public void Stamp(long sequenceNumber, DateTimeOffset capturedAtUtc)
    {
        SequenceNumber = sequenceNumber;
        CapturedAtUtc = capturedAtUtc;
    }

    /// <summary>Returns the buffer to its pool. A second release is a bug and throws.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _rented, 0) == 0)
        {
            throw new InvalidOperationException($"Frame {SequenceNumber} of camera '{CameraId}' was released twice.");
        }

        _pool.Return(this);
    }

    internal void MarkRented() => Volatile.Write(ref _rented, 1);
}
