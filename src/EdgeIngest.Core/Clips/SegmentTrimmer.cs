using EdgeIngest.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Clips;

/// <summary>
/// Trims a camera's <see cref="SegmentRing"/> every <see cref="Interval"/>, so that its age bound
/// holds while no new segment arrives (a stalled or stopped camera) as well as when one does.
/// </summary>
public sealed class SegmentTrimmer : BackgroundLoop
{
    /// <summary>How often the ring is trimmed: a segment outlives its age bound by at most this.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly SegmentRing _ring;
    private readonly TimeProvider _time;

    public SegmentTrimmer(string cameraId, SegmentRing ring, ILogger logger, TimeProvider? time = null)
        : base($"segment trimmer of camera '{cameraId}'", logger)
    {
        _ring = ring ?? throw new ArgumentNullException(nameof(ring));
        _time = time ?? TimeProvider.System;
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            _ring.Trim();
        }
    }
}
