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
}
