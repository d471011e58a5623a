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

    /// <summary>
    /// A vote is settled, and a hit is sent before the window ends, once this many reads in a row
    /// read exactly the voted text (<see cref="SettledConfidence"/> settles it with one read).
    /// </summary>
    public int SettledReads { get; init; } = 3;

    /// <summary>
    /// One read this sure, reading exactly the vote, settles it alone. Chosen on the hand-labelled
    /// validation set (models/README.md): of its top reads at 0.98 or more, 39 of 39 were right; at
    /// 0.95, 46 of 52 (I/1, W/V, K/X confusions at 0.95–0.97).
    /// </summary>
    public float SettledConfidence { get; init; } = 0.98f;

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

    /// <summary>
    /// How far a plate may move, in box widths, and still count as standing where it stood: its
    /// box jitters by a few pixels from read to read, and a parked car's plate is small.
    /// </summary>
    public float StillShift { get; init; } = 0.3f;

    /// <summary>
    /// A vehicle whose plate has stood still this long has stopped: a frame in which nothing
    /// moves still shows it, and it stays the same track while passing traffic hides it for up
    /// to <see cref="StoppedGap"/>.
    /// </summary>
    public TimeSpan StoppedAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A vehicle stopped this long is parked: its plate is no longer read (the plate detector
    /// still sees it there), until it moves. Frigate stops after 5 s, for the same reason: each
    /// read of a small, far plate differs a little, and costs a recognition.
    /// </summary>
    public TimeSpan ParkedAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stopped vehicle may go unseen while frames are read (hidden by passing traffic) before it counts as gone.</summary>
    public TimeSpan StoppedGap { get; init; } = TimeSpan.FromSeconds(10);
}
