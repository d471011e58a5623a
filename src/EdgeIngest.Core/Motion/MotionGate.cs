using EdgeIngest.Frames;

namespace EdgeIngest.Motion;

/// <summary>
/// Decides, per camera and before the plate reader's turn is taken, whether a frame is worth
/// reading: only when enough of the zone changed since the last frame that was read. Comparing with
/// the last frame read, not the last frame seen, lets slow creep (a car rolling in at walking pace)
/// add up until it counts. The first frame, the first after a resolution change, and one frame per
/// keep-alive period of capture time are always read.
/// One camera's worker calls it; it is not thread-safe. After the first frame of a resolution it
/// allocates nothing.
/// </summary>
public sealed class MotionGate
{
    private readonly ZoneSampler _sampler;
    private readonly byte _threshold;
    private readonly double _changedFraction;
    private readonly TimeSpan _keepAlive;
    private byte[] _current = [];
    private byte[] _reference = [];
    private int _minimumChanged;
    private bool _hasReference;
    private DateTimeOffset _lastAnalysedAt;

    public MotionGate(DetectionZone zone, MotionOptions options)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(options);
        _sampler = new ZoneSampler(zone);
        _threshold = (byte)Math.Clamp(options.LumaThreshold, 0, 255);
        _changedFraction = options.ChangedFraction;
        _keepAlive = TimeSpan.FromSeconds(options.KeepAliveSeconds);
    }

    /// <summary>Cells of the zone sampled per frame at the current resolution (0 before the first frame).</summary>
    public int ZoneCells => _sampler.Cells;

    /// <summary>How many cells must change for a frame to be read at the current resolution.</summary>
    public int MinimumChangedCells => _minimumChanged;

    /// <summary>Cells that changed in the last frame compared (for logs and tests).</summary>
    public int LastChangedCells { get; private set; }

    /// <summary>
    /// True when the frame should be read; it then becomes the reference the next frames are
    /// compared with. False: nothing moved in the zone since the last frame read, within the
    /// keep-alive period.
    /// </summary>
    public bool ShouldAnalyse(BgrImage image, DateTimeOffset capturedAt)
    {
        if (!_sampler.Fits(image))
        {
            Resize(image.Width, image.Height);
        }

        // A zone too small to hold one cell at this resolution cannot show motion: read every frame
        // rather than miss a plate.
        if (_sampler.Cells == 0)
        {
            return true;
        }

        _sampler.Sample(image.Span, _current);
        if (!_hasReference)
        {
            LastChangedCells = _sampler.Cells;
            return Accept(capturedAt);
        }

        LastChangedCells = ChangedCells.Count(_current, _reference, _threshold);
        var keepAliveDue = capturedAt - _lastAnalysedAt >= _keepAlive || capturedAt < _lastAnalysedAt;
        return (LastChangedCells >= _minimumChanged || keepAliveDue) && Accept(capturedAt);
    }

    private bool Accept(DateTimeOffset capturedAt)
    {
        // The frame just sampled becomes the reference; the old reference's buffer is reused for the next frame.
        (_current, _reference) = (_reference, _current);
        _hasReference = true;
        _lastAnalysedAt = capturedAt;
        return true;
    }

    private void Resize(int width, int height)
    {
        _sampler.Resize(width, height);
        _current = new byte[_sampler.Cells];
        _reference = new byte[_sampler.Cells];
        _minimumChanged = Math.Max(1, (int)Math.Ceiling(_changedFraction * _sampler.Cells));
        _hasReference = false;
    }
}
