using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Recordings;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>
/// A stand-in for the continuous recording (not on this branch yet): camera <c>entrance</c> holds
/// video from <see cref="OldestAt"/> on, and a still anywhere in it is a real JPEG whose shade
/// changes with the minute. Before the oldest video, or after now, there is none (null), as the
/// recording answers. Counts the stills asked for.
/// </summary>
internal sealed class PictureRecording(DateTimeOffset oldest) : IFootageRecording
{
    public const string Camera = "entrance";
    private const int Width = 320;
    private const int Height = 180;
    private int _stills;

    public IReadOnlyCollection<string> Cameras { get; } = [Camera];

    public int StillsServed => Volatile.Read(ref _stills);

    public DateTimeOffset? OldestAt(string cameraId) => cameraId == Camera ? oldest : null;

    public DateTimeOffset? NewestAt(string cameraId) => cameraId == Camera ? DateTimeOffset.UtcNow : null;

    public IReadOnlyList<RecordedSegment> Segments(string cameraId, DateTimeOffset from, DateTimeOffset to) => [];

    public void Hold(string holdId, string cameraId, DateTimeOffset from, DateTimeOffset to)
    {
    }

    public void Release(string holdId)
    {
    }

    public Task<byte[]?> StillAsync(string cameraId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (cameraId != Camera || at < oldest || at > DateTimeOffset.UtcNow)
        {
            return Task.FromResult<byte[]?>(null);
        }

        Interlocked.Increment(ref _stills);
        var bgr = new byte[Width * Height * 3];
        Array.Fill(bgr, (byte)(40 + (at.Minute * 3)));
        using var codec = new TurboJpegCodec();
        var jpeg = new byte[codec.GetMaxEncodedLength(Width, Height)];
        var length = codec.Encode(bgr, Width, Height, Width * 3, 80, jpeg);
        return Task.FromResult<byte[]?>(jpeg[..length]);
    }
}
