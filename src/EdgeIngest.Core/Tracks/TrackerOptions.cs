namespace EdgeIngest.Tracks;

/// <summary>
/// How a camera's tracker follows vehicles and when it reports them. The times are capture
/// times of frames, never the wall clock, so a replayed or delayed stream tracks the same way.
/// </summary>
public sealed record TrackerOptions
{
    /// <summary>A track not seen for longer than this has left the view: it reports (if it has not yet) and ends.</summary>
    public TimeSpan Gap { get; init; } = TimeSpan.FromSeconds(0.7);

    /// <summary>
    /// A track reports at the latest this long after its first read, even with the vehicle
    /// still in view: investigators need a hit within seconds, not when the car has parked.
    /// </summary>
    public TimeSpan MaxVoteWindow { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>A track whose voted confidence stays below this is never reported (the recognition confidence floor).</summary>
    public float MinConfidence { get; init; } = 0.6f;

    /// <summary>
    /// How far a plate's centre may move between two sightings of the same track, in box widths
    /// (the wider of the two boxes). Generous: the text must match too, and analysed frames can be
    /// a few hundred milliseconds apart when the queue drops frames.
    /// </summary>
    public float MaxCentreShift { get; init; } = 3f;

    /// <summary>How many characters (edits, look-alikes folded) a read may differ from a track's voted text and still join it.</summary>
    public int MaxTextDistance { get; init; } = 2;

    /// <summary>Open tracks per camera; past this the longest unseen track is reported and ended to make room.</summary>
    public int MaxTracks { get; init; } = 16;
}
