using EdgeIngest.Agreements;
using EdgeIngest.Hotlists;
using EdgeIngest.Tracks;

namespace EdgeIngest.Hits;

/// <summary>
/// Decides what becomes of each vehicle's final read (one per tracked pass, with the text its
/// reads voted for and its best frame): a repeat within the same pass (a vehicle lost and
/// picked up again) is ignored; a hotlist match becomes a hit if the data-sharing agreement in
/// force allows its category (otherwise it is counted and kept on the box); anything else is
/// logged on the box and leaves it only when the agreement and the owner's policy are both
/// <c>all_reads</c>. Runs on the recognition thread, inside
/// the turn every camera shares, so it only decides: a hit's frame is copied and every decision is
/// handed to <see cref="HitCommitter"/>, which encodes, commits, records, audits and logs off the turn.
/// </summary>
public sealed class ReadRouter(
    HotlistHolder hotlists,
    AgreementHolder agreements,
    PassFilter passes,
    HitCommitter committer) : ITrackSink
{
    private long _hits;
    private long _reads;
    private long _withheld;

    // One entry per camera, made at its first read: the hot path only counts.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CameraReadCount> _byCamera = new(StringComparer.Ordinal);

    public long Hits => Interlocked.Read(ref _hits);

    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Matches the agreement kept on the box (a category it does not allow, or no agreement in force).</summary>
    public long Withheld => Interlocked.Read(ref _withheld);

    /// <summary>The vehicles a camera has read since start (zero for a camera that has read none).</summary>
    public CameraReadCount ReadsOf(string cameraId) => _byCamera.GetOrAdd(cameraId, static _ => new CameraReadCount());

    public void Report(in FinalRead read)
    {
        if (!passes.IsNewPass(read.CameraId, read.Text, read.CapturedAtUtc))
        {
            return;
        }

        CountRead(read);
        var list = hotlists.Current;
        var (match, decision) = Match(read, list);
        if (match is { } found)
        {
            if (decision.Allowed)
            {
                Interlocked.Increment(ref _hits);
                committer.Submit(Decided(Disposition.Hit, read, found, list.Version, decision.AgreementVersion, null, EvidenceFrame.CopyOf(read.Frame)));
            }
            else
            {
                // Outside the agreement: counted, never sent, and not shown (the entry is the agency's).
                Interlocked.Increment(ref _withheld);
                committer.Submit(Decided(Disposition.Withheld, read, found, list.Version, decision.AgreementVersion, decision.WithheldReason, frame: null));
            }
        }
        else
        {
            committer.Submit(Decided(decision.SendsReads ? Disposition.SharedRead : Disposition.KeptRead, read, match: null, list.Version, decision.AgreementVersion, null, frame: null));
        }
    }

    /// <summary>
    /// A settled vote before its window ends: sent at once when it is a hit the agreement allows
    /// (and a new pass), so the agency has it within a second of the first readable frame.
    /// Anything else waits for the window's report, with nothing counted or recorded here.
    /// </summary>
    public string? Settled(in FinalRead read)
    {
        var list = hotlists.Current;
        var (match, decision) = Match(read, list);
        if (match is not { } found || !decision.Allowed || !passes.IsNewPass(read.CameraId, read.Text, read.CapturedAtUtc))
        {
            return null;
        }

        CountRead(read);
        Interlocked.Increment(ref _hits);
        var decided = Decided(Disposition.Hit, read, found, list.Version, decision.AgreementVersion, null, EvidenceFrame.CopyOf(read.Frame));
        committer.Submit(decided);
        return decided.EventId;
    }

    /// <summary>
    /// After an early hit, the pass's final vote disagrees: a correction follows under its own
    /// event id, naming the hit it corrects, with the final plate and whether that is still a hit.
    /// After a report at the window (a vehicle that stayed in view), a new vote is reported once
    /// more only when it is a hit; otherwise the vehicle is the pass already reported.
    /// </summary>
    public bool Revised(in FinalRead read, string reportedText, string? earlyEventId)
    {
        var list = hotlists.Current;
        var (match, decision) = Match(read, list);
        if (earlyEventId is not null)
        {
            passes.Extend(read.CameraId, read.Text, read.CapturedAtUtc);
            var still = match is { } kept && decision.Allowed ? kept : (HotlistMatch?)null;
            committer.Submit(Decided(Disposition.Correction, read, still, list.Version, decision.AgreementVersion, null, frame: null) with { CorrectsEventId = earlyEventId });
            return true;
        }

        if (match is not { } found || !decision.Allowed || !passes.IsNewPass(read.CameraId, read.Text, read.CapturedAtUtc))
        {
            return false;
        }

        Interlocked.Increment(ref _hits);
        committer.Submit(Decided(Disposition.Hit, read, found, list.Version, decision.AgreementVersion, null, EvidenceFrame.CopyOf(read.Frame)));
        return true;
    }

    /// <summary>The pass lasts until the tracked vehicle was last seen, not just until its report.</summary>
    public void TrackEnded(string cameraId, string reportedText, DateTimeOffset lastSeenAtUtc) =>
        passes.Extend(cameraId, reportedText, lastSeenAtUtc);

    private void CountRead(in FinalRead read)
    {
        Interlocked.Increment(ref _reads);
        ReadsOf(read.CameraId).Count(read.CapturedAtUtc);
    }

    // The best match the agreement lets this box send; failing that, the best match of all, which
    // is withheld. Without a match, the decision for a plain read.
    private (HotlistMatch? Match, AgreementDecision Decision) Match(in FinalRead read, VersionedHotlist list)
    {
        var readings = Readings(read);
        var allowed = agreements.Current is { } held && held.Agreement.IsInForceAt(read.CapturedAtUtc) ? held.Agreement.AllowedCategories : null;
        var match = list.Hotlist.Match(readings, read.CapturedAtUtc, allowed) ?? (allowed is null ? null : list.Hotlist.Match(readings, read.CapturedAtUtc));
        var decision = agreements.Decide(match is { } found ? found.Entry.Category : HotlistCategories.Unspecified, read.CapturedAtUtc);
        return (match, decision);
    }

    // The voted text first, then the tracker's alternative readings.
    private static string[] Readings(in FinalRead read) =>
        read.Alternatives is { Count: > 0 } alternatives ? [read.Text, .. alternatives] : [read.Text];

    private static DecidedRead Decided(Disposition disposition, in FinalRead read, HotlistMatch? match, long listVersion, long? agreementVersion, string? withheldReason, EvidenceFrame? frame) => new(
        disposition,
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
        withheldReason,
        frame)
    {
        FirstReadAtUtc = read.FirstReadAtUtc == default ? read.CapturedAtUtc : read.FirstReadAtUtc,
        Alternatives = read.Alternatives,
    };
}
