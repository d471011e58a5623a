namespace EdgeIngest.Configuration;

/// <summary>
/// How vehicles are followed across frames so each pass is reported once, with the text its
/// reads vote for. Both times are measured in the frames' capture time.
/// </summary>
public sealed class TrackingConfig
{
    /// <summary>A vehicle not seen for this long has left: its track ends (and reports, if it has not yet).</summary>
    public double GapSeconds { get; set; } = 0.7;

    /// <summary>A vehicle still in view is reported at the latest this long after it was first read.</summary>
    public double VoteWindowSeconds { get; set; } = 1.5;
}
