using System.Diagnostics.CodeAnalysis;

namespace EdgeIngest.Frames;

/// <summary>
/// A fixed set of frame buffers for one camera, all allocated up front for the camera's
/// resolution. Renting never allocates: when every buffer is out, <see cref="TryRent"/> says no and
/// the caller drops the frame, which keeps memory bounded when inference falls behind.
/// </summary>
public sealed class FramePool
{
    private readonly FrameBuffer[] _free;
    private readonly Lock _gate = new();
    private int _freeCount;

    public FramePool(string cameraId, int width, int height, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        CameraId = cameraId;
        Width = width;
        Height = height;
        _free = new FrameBuffer[count];
        for (var i = 0; i < count; i++)
        {
            _free[i] = new FrameBuffer(this, cameraId, width, height);
        }

        _freeCount = count;
    }

    public string CameraId { get; }

    public int Width { get; }

    public int Height { get; }

    public int Capacity => _free.Length;

    public int FrameBytes => Width * Height * BgrImage.BytesPerPixel;

    public int Available
    {
        get
        {
            lock (_gate)
            {
                return _freeCount;
            }
        }
    }

    public int Outstanding => Capacity - Available;

    public bool TryRent([NotNullWhen(true)] out FrameBuffer? buffer)
    {
        lock (_gate)
        {
            if (_freeCount == 0)
            {
                buffer = null;
                return false;
            }

            buffer = _free[--_freeCount];
            _free[_freeCount] = null!;
        }

        buffer.MarkRented();
        return true;
    }

    internal void Return(FrameBuffer buffer)
    {
        lock (_gate)
        {
            // More returns than rents would mean a buffer from somewhere else.
            if (_freeCount == _free.Length)
            {
                throw new InvalidOperationException($"Frame pool of camera '{CameraId}' got back more buffers than it lent.");
            }

            _free[_freeCount++] = buffer;
        }
    }
}
