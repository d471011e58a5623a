using EdgeIngest.Tracks;

namespace EdgeIngest.Tests.Tracks;

/// <summary>
/// Keeps what a tracker reports, with a copy of each report's pixels (the track's buffer is only
/// lent during the call), and what it offers early (<see cref="Settled"/>) or as a revision.
/// Settled votes become hits when <see cref="HitPlates"/> holds their text; a revision is taken
/// after an early hit, or when its new text is in <see cref="HitPlates"/>.
/// </summary>
internal sealed class RecordingSink : ITrackSink
{
    public List<Reported> Reports { get; } = [];

    public List<(string Text, DateTimeOffset LastSeenAtUtc)> Ended { get; } = [];

    public HashSet<string> HitPlates { get; } = new(StringComparer.Ordinal);

    /// <summary>Every settled vote offered: its text and whether it was sent as an early hit.</summary>
    public List<(string Text, bool Sent)> Offered { get; } = [];

    public List<(string Text, string ReportedText, string? EarlyEventId, bool Taken)> Revisions { get; } = [];

    public void Report(in FinalRead read) => Reports.Add(new Reported(read, read.Frame.Span.ToArray()));

    public void TrackEnded(string cameraId, string reportedText, DateTimeOffset lastSeenAtUtc) => Ended.Add((reportedText, lastSeenAtUtc));

    public string? Settled(in FinalRead read)
    {
        var sent = HitPlates.Contains(read.Text);
        Offered.Add((read.Text, sent));
        return sent ? $"early-{Offered.Count}" : null;
    }

    public bool Revised(in FinalRead read, string reportedText, string? earlyEventId)
    {
        var taken = earlyEventId is not null || HitPlates.Contains(read.Text);
        Revisions.Add((read.Text, reportedText, earlyEventId, taken));
        return taken;
    }

    public sealed record Reported(FinalRead Read, byte[] Pixels);
}
