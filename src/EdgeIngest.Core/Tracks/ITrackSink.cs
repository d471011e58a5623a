namespace EdgeIngest.Tracks;

/// <summary>
/// Where a tracker sends what it decides, synchronously on the thread that feeds it frames, so
/// a report can encode snapshots from the track's best frame before that buffer is reused.
/// </summary>
public interface ITrackSink
{
    /// <summary>A vehicle's one report; <see cref="FinalRead.Frame"/> must not be kept past this call.</summary>
    void Report(in FinalRead read);

    /// <summary>
    /// A reported track has ended: its vehicle was last seen at <paramref name="lastSeenAtUtc"/>.
    /// Lets a pass filter stretch the pass to the last sighting, as it did when every read counted.
    /// </summary>
    void TrackEnded(string cameraId, string reportedText, DateTimeOffset lastSeenAtUtc);

    /// <summary>
    /// A track's vote is settled before its vote window ends (a few reads agree, or one is very
    /// sure). The sink sends it at once when it is a hit and returns the hit's event id: the track
    /// then counts as reported, and its window's final vote confirms or revises it. Null: not a
    /// hit now; the track reports at its window as usual.
    /// </summary>
    string? Settled(in FinalRead read) => null;

    /// <summary>
    /// A reported track's vote has changed from <paramref name="reportedText"/> to
    /// <paramref name="read"/>'s text. After an early hit (<paramref name="earlyEventId"/>) this is
    /// the pass's final vote disagreeing: the sink sends a correction. Otherwise the vehicle stayed
    /// in view (parked) and its reads kept voting: the sink reports it once more only if the new
    /// vote is a hit. True when the sink took it (the track is then never revised again).
    /// </summary>
    bool Revised(in FinalRead read, string reportedText, string? earlyEventId) => false;
}
