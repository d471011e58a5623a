using EdgeIngest.Agreements;
using EdgeIngest.Hotlists;
using EdgeIngest.Tracks;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hits;

/// <summary>
/// Decides what becomes of each vehicle's final read (one per tracked pass, with the text its
/// reads voted for and its best frame): a repeat within the same pass (a vehicle lost and
/// picked up again) is ignored; a hotlist match becomes a hit if the data-sharing agreement in
/// force allows its category (otherwise it is counted and kept on the box); anything else is
/// logged on the box and leaves it only when the agreement and the owner's policy are both
/// <c>all_reads</c>. Runs on the recognition thread, inside
/// the turn every camera shares, so it only decides: a hit's frame is copied and the decision is
/// handed to <see cref="HitCommitter"/>, which encodes, commits and logs off the turn.
/// </summary>
public sealed class ReadRouter(
    HotlistHolder hotlists,
    AgreementHolder agreements,
    PassFilter passes,
    HitCommitter committer,
    ILogger logger) : ITrackSink
{
    private long _hits;
    private long _reads;
    private long _withheld;

    public long Hits => Interlocked.Read(ref _hits);

    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Matches the agreement kept on the box (a category it does not allow, or no agreement in force).</summary>
    public long Withheld => Interlocked.Read(ref _withheld);

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
            var decision = agreements.Decide(entry.Category, read.CapturedAtUtc);
            if (!decision.Allowed)
            {
                // Outside the agreement: counted, never sent, and not shown (the entry is the agency's).
                Interlocked.Increment(ref _withheld);
                ReadRouterLog.Withheld(logger, read.CameraId, entry.Category, decision.WithheldReason!);
                return;
            }

            Interlocked.Increment(ref _hits);
            committer.Submit(Decided(read, MatchOf(read.Text, entry), list.Version, decision.AgreementVersion, EvidenceFrame.CopyOf(read.Frame)));
        }
        else if (agreements.Decide(HotlistCategories.Unspecified, read.CapturedAtUtc) is { SendsReads: true } decision)
        {
            committer.Submit(Decided(read, match: null, list.Version, decision.AgreementVersion, frame: null));
        }
        else
        {
            ReadRouterLog.Read(logger, read.CameraId, read.Text, read.Confidence, read.Reads, "kept on the box: only hits are shared");
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

    private static DecidedRead Decided(in FinalRead read, HotlistMatch? match, long listVersion, long? agreementVersion, EvidenceFrame? frame) => new(
        Guid.CreateVersion7(read.CapturedAtUtc).ToString(),
        read.CameraId,
        read.Text,
        read.Confidence,
        read.Box,
        read.CapturedAtUtc,
        read.Reads,
        match,
        listVersion,
        agreementVersion,
        frame);
}
