using EdgeIngest.Reads;

namespace EdgeIngest.Motion;

/// <summary>
/// Drops the reads whose box centre lies outside the camera's zone, so a plate on the street
/// beyond the lot is not reported. The recogniser still sees the whole frame (the zone is only
/// where a plate must be, not a crop); checking a few box centres is far cheaper than cropping.
/// One camera's worker uses it; the list it returns is reused, like the recogniser's.
/// </summary>
public sealed class ZoneReadFilter(DetectionZone zone)
{
    private readonly List<PlateRead> _kept = new(8);

    /// <summary>The reads inside the zone: <paramref name="reads"/> itself for the whole frame, else a reused list valid until the next call.</summary>
    public IReadOnlyList<PlateRead> Keep(IReadOnlyList<PlateRead> reads, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(reads);
        if (zone.IsWholeFrame)
        {
            return reads;
        }

        _kept.Clear();
        for (var i = 0; i < reads.Count; i++)
        {
            if (Keeps(reads[i].Box, frameWidth, frameHeight))
            {
                _kept.Add(reads[i]);
            }
        }

        return _kept;
    }

    /// <summary>Whether a plate box's centre lies in the zone: the one test <see cref="Keep"/> applies.</summary>
    public bool Keeps(PlateBox box, int frameWidth, int frameHeight) =>
        zone.Contains((box.X + (box.Width / 2.0)) / frameWidth, (box.Y + (box.Height / 2.0)) / frameHeight);
}
