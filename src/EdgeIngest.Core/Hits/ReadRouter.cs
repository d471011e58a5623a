using EdgeIngest.Configuration;
using EdgeIngest.Hotlists;
using EdgeIngest.Tracks;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hits;

/// <summary>
/// Decides what becomes of each vehicle's final read (one per tracked pass, with the text its
/// reads voted for and its best frame): a repeat within the same pass (a vehicle lost and
/// picked up again) is ignored; a hotlist match becomes a hit; anything else is logged on the box
/// and leaves it only under the <c>all_reads</c> policy. Runs on the recognition thread, inside
/// the turn every camera shares, so it only decides: a hit's frame is copied and the decision is
/// handed to <see cref="HitCommitter"/>, which encodes, commits and logs off the turn.
/// </summary>
public sealed class ReadRouter(
    HotlistHolder hotlists,
    SharingPolicy policy,
    PassFilter passes,
    HitCommitter committer,
    ILogger logger) : ITrackSink
{
    private long _hits;
    private long _reads;

    public long Hits => Interlocked.Read(ref _hits);

    public long Reads => Interlocked.Read(ref _reads);

    public void Report(in FinalRead read)
    {
        if (!passes.IsNewPass(read.CameraId, read.Text, read.CapturedAtUtc))
        {
            return;
        }

        Interlocked.Increment(ref _reads);
        var list = hotlists.Current;
        if (list.Hotlist.Match(read.Text) is { } entry)
        {
            Interlocked.Increment(ref _hits);
            committer.Submit(Decided(read, MatchOf(read.Text, entry), list.Version, EvidenceFrame.CopyOf(read.Frame)));
        }
        else if (policy == SharingPolicy.AllReads)
        {
            committer.Submit(Decided(read, match: null, list.Version, frame: null));
        }
        else
        {
            ReadRouterLog.Read(logger, read.CameraId, read.Text, read.Confidence, read.Reads, "kept on the box: policy hits_only");
        }
    }

    /// <summary>The pass lasts until the tracked vehicle was last seen, not just until its report.</summary>
    public void TrackEnded(string cameraId, string reportedText, DateTimeOffset lastSeenAtUtc) =>
        passes.Extend(cameraId, reportedText, lastSeenAtUtc);

    // Until the matching index says how it matched: the same characters is exact, else look-alike.
    private static HotlistMatch MatchOf(string text, HotlistEntry entry)
    {
        var read = PlateKey.Clean(text);
        var listed = PlateKey.Clean(entry.Plate);
        var distance = read.Length == listed.Length ? read.Where((c, i) => c != listed[i]).Count() : Math.Abs(read.Length - listed.Length);
        return new HotlistMatch(entry, distance == 0 ? MatchKind.Exact : MatchKind.LookAlike, distance, text);
    }

    private static DecidedRead Decided(in FinalRead read, HotlistMatch? match, long listVersion, EvidenceFrame? frame) => new(
        Guid.CreateVersion7(read.CapturedAtUtc).ToString(),
        read.CameraId,
        read.Text,
        read.Confidence,
        read.Box,
        read.CapturedAtUtc,
        read.Reads,
        match,
        listVersion,
        AgreementVersion: null,
        frame);
}
