using EdgeIngest.Tracks;

namespace EdgeIngest.Tests.Tracks;

/// <summary>Keeps what a tracker reports, with a copy of each report's pixels (the track's buffer is only lent during the call).</summary>
internal sealed class RecordingSink : ITrackSink
{
    public List<Reported> Reports { get; } = [];

    public List<(string Text, DateTimeOffset LastSeenAtUtc)> Ended { get; } = [];

    public void Report(in FinalRead read) => Reports.Add(new Reported(read, read.Frame.Span.ToArray()));

    public void TrackEnded(string cameraId, string reportedText, DateTimeOffset lastSeenAtUtc) => Ended.Add((reportedText, lastSeenAtUtc));

    public sealed record Reported(FinalRead Read, byte[] Pixels);
}
