using EdgeIngest.Frames;
using EdgeIngest.Motion;
using EdgeIngest.Reads;

namespace EdgeIngest.Pipeline;

/// <summary>
/// The picture the web console shows of one camera: a copy of one frame the worker took, at most
/// once per <see cref="Interval"/> of capture time, with the plates read in that very frame (none
/// when the motion gate skipped it), so the boxes drawn always fit the picture. The copy goes into
/// a buffer allocated with the first frame (again only if the camera's size changes): the worker's
/// per-frame cost is one lock-free time check. The console copies it out under the same lock.
/// </summary>
public sealed class LatestFrame(TimeSpan interval)
{
    /// <summary>Reads kept with a picture at most; a frame with more plates than this is not a gate.</summary>
    public const int MaxReads = 16;

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly SnapshotRead[] _reads = new SnapshotRead[MaxReads];
    private byte[] _pixels = [];
    private int _width;
    private int _height;
    private int _readCount;
    private bool _analysed;
    private DateTimeOffset _capturedAt;
    private long _takenTicks = long.MinValue;
    private long _taken;

    public TimeSpan Interval { get; } = interval;

    /// <summary>Frames copied since start (each copy replaced the one before).</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>
    /// Whether a frame captured at <paramref name="capturedAt"/> should be taken: an interval after
    /// the last one, or before it (the clock was set back). Allocates nothing and takes no lock.
    /// </summary>
    public bool IsDue(DateTimeOffset capturedAt)
    {
        var last = Interlocked.Read(ref _takenTicks);
        return last == long.MinValue || capturedAt.UtcTicks < last || capturedAt.UtcTicks - last >= Interval.Ticks;
    }

    /// <summary>
    /// Copies the frame's pixels and its reads (null: the frame was not analysed). <paramref name="zone"/>
    /// marks each read in or out of the camera's zone, by the test the worker applies (null: all in).
    /// </summary>
    public void Take(BgrImage image, DateTimeOffset capturedAt, IReadOnlyList<PlateRead>? reads, ZoneReadFilter? zone)
    {
        var length = image.Stride * image.Height;
        lock (_gate)
        {
            if (_pixels.Length != length)
            {
                _pixels = new byte[length];
            }

            image.Span[..length].CopyTo(_pixels);
            (_width, _height, _capturedAt, _analysed) = (image.Width, image.Height, capturedAt, reads is not null);
            _readCount = 0;
            for (var i = 0; reads is not null && i < reads.Count && i < MaxReads; i++)
            {
                var read = reads[i];
                _reads[_readCount++] = new SnapshotRead(read.Text, read.Box, zone?.Keeps(read.Box, image.Width, image.Height) ?? true);
            }

            Interlocked.Exchange(ref _takenTicks, capturedAt.UtcTicks);
            Interlocked.Increment(ref _taken);
        }
    }

    /// <summary>A copy of the latest picture and its reads, or null before the first frame.</summary>
    public FrameSnapshot? Copy()
    {
        lock (_gate)
        {
            return _pixels.Length == 0
                ? null
                : new FrameSnapshot(_pixels.ToArray(), _width, _height, _capturedAt, _analysed, _reads.AsSpan(0, _readCount).ToArray());
        }
    }
}
