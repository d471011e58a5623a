using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Tracks;

/// <summary>
/// Follows one camera's vehicles across frames, so that each pass is reported once, with the
/// text its reads vote for and its best frame, rather than whatever the first frame misread.
/// Per frame: tracks unseen for longer than the gap end (reporting first if they have not yet);
/// tracks whose vote is settled early are offered as hits; tracks open for the whole vote window
/// report, and keep following their vehicle; the frame's reads join the tracks they fit best
/// (position and text), the rest start tracks.
/// A vehicle that stops is one track for as long as it stays: a frame in which nothing moved
/// still shows it, passing traffic may hide it for a while, and once parked its plate is not read
/// again (<see cref="NotToRead"/>) until it moves. It is reported once, and once more only if its
/// vote changes to a hit (<see cref="ITrackSink.Revised"/>).
/// Time is the frames' capture time, never the clock. One thread at a time (the camera's
/// worker); following vehicles it already knows allocates nothing.
/// </summary>
public sealed class PlateTracker
{
    private readonly TrackerOptions _options;
    private readonly List<PlateTrack> _active;
    private readonly Stack<PlateTrack> _spare;
    private readonly bool[] _claimed;
    private readonly PlateBox[] _notToRead;
    private readonly PlateTrack[] _notToReadTracks;
    private int _notToReadCount;
    private bool[] _readDone = new bool[16];
    private DateTimeOffset _lastFrameAt;

    public PlateTracker(string cameraId, TrackerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Gap, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxVoteWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxTracks);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StoppedGap, options.Gap);
        CameraId = cameraId;
        _options = options;
        _active = new List<PlateTrack>(options.MaxTracks);
        _spare = new Stack<PlateTrack>(options.MaxTracks);
        _claimed = new bool[options.MaxTracks];
        _notToRead = new PlateBox[options.MaxTracks];
        _notToReadTracks = new PlateTrack[options.MaxTracks];
    }

    public string CameraId { get; }

    /// <summary>The most vehicles followed at once (the length <see cref="NotToRead"/> can reach).</summary>
    public int MaxTracks => _options.MaxTracks;

    /// <summary>Vehicles being followed now, reported or not.</summary>
    public int OpenTracks => _active.Count;

    /// <summary>
    /// Where parked vehicles' plates stand, as of the last <see cref="Advance"/>: the recogniser
    /// skips a plate found there and says so (<c>seenUnread</c> of <see cref="Observe"/>).
    /// </summary>
    public ReadOnlySpan<PlateBox> NotToRead => _notToRead.AsSpan(0, _notToReadCount);

    /// <summary>
    /// Moves the tracker's time to a frame's capture time: tracks unseen for longer than their gap
    /// end, tracks open for the vote window report. The camera worker calls it before reading
    /// the frame, so a due hit does not wait for one more recognition.
    /// </summary>
    public void Advance(DateTimeOffset capturedAtUtc, ITrackSink sink)
    {
        EndGone(capturedAtUtc, sink);
        ReportRipe(capturedAtUtc, sink);
        PlanReading();
    }

    /// <summary>
    /// A frame in which nothing moved since the last frame read: every vehicle seen in the frame
    /// before is still there, standing.
    /// </summary>
    public void Still(DateTimeOffset capturedAtUtc, ITrackSink sink)
    {
        foreach (var track in _active)
        {
            if (track.LastSeenAtUtc >= _lastFrameAt)
            {
                track.SeenStanding(capturedAtUtc);
            }
        }

        _lastFrameAt = capturedAtUtc;
        Advance(capturedAtUtc, sink);
    }

    /// <summary>
    /// Takes one analysed frame's reads (advancing to its capture time first).
    /// <paramref name="seenUnread"/>, when given, says for each box of <see cref="NotToRead"/>
    /// whether the recogniser found a plate there (and did not read it). Reports and ended tracks
    /// go to <paramref name="sink"/> before this returns; the frame itself may be released
    /// afterwards (tracks copy what they keep).
    /// </summary>
    public void Observe(BgrImage image, DateTimeOffset capturedAtUtc, IReadOnlyList<PlateRead> reads, ITrackSink sink, ReadOnlySpan<bool> seenUnread = default)
    {
        // Before advancing, which may replan: the flags belong to the plan the recogniser was given.
        for (var i = 0; i < Math.Min(seenUnread.Length, _notToReadCount); i++)
        {
            if (seenUnread[i])
            {
                _notToReadTracks[i].SeenStanding(capturedAtUtc);
            }
        }

        Advance(capturedAtUtc, sink);
        MatchReads(image, capturedAtUtc, reads);
        StartTracks(image, capturedAtUtc, reads, sink);
        OfferSettled(sink);

        // A track past its window whose vote only now reaches the confidence floor, or changed.
        ReportRipe(capturedAtUtc, sink);
        PlanReading();
        _lastFrameAt = capturedAtUtc;
    }

    /// <summary>Reports every open track that has not reported and ends them all: the camera is stopping.</summary>
    public void Flush(ITrackSink sink)
    {
        while (_active.Count > 0)
        {
            End(0, sink);
        }

        _notToReadCount = 0;
    }

    private void EndGone(DateTimeOffset now, ITrackSink sink)
    {
        var i = 0;
        while (i < _active.Count)
        {
            var track = _active[i];
            var gap = track.StillFor >= _options.StoppedAfter ? _options.StoppedGap : _options.Gap;
            if (now - track.LastSeenAtUtc > gap)
            {
                End(i, sink);
            }
            else
            {
                i++;
            }
        }
    }

    // Greedy over all pairs: the best-fitting read and track are paired first, so a car's read
    // goes to its own track even when a neighbour's track would also take it. A track takes at
    // most one read per frame: two plates in one frame are two vehicles.
    private void MatchReads(BgrImage image, DateTimeOffset now, IReadOnlyList<PlateRead> reads)
    {
        if (_readDone.Length < reads.Count)
        {
            _readDone = new bool[reads.Count];
        }

        for (var r = 0; r < reads.Count; r++)
        {
            // The recogniser only emits A–Z and 0–9; anything else cannot vote and is left out.
            _readDone[r] = !CharacterVote.CanVote(reads[r].Text);
        }

        var known = _active.Count;
        Array.Clear(_claimed, 0, known);
        while (true)
        {
            var (bestRead, bestTrack, bestCost) = (-1, -1, TrackMatch.None);
            for (var r = 0; r < reads.Count; r++)
            {
                if (_readDone[r])
                {
                    continue;
                }

                for (var t = 0; t < known; t++)
                {
                    var cost = _claimed[t] ? TrackMatch.None : TrackMatch.Cost(_active[t], reads[r], _options);
                    if (cost < bestCost)
                    {
                        (bestRead, bestTrack, bestCost) = (r, t, cost);
                    }
                }
            }

            if (bestRead < 0)
            {
                return;
            }

            _readDone[bestRead] = _claimed[bestTrack] = true;
            _active[bestTrack].Absorb(image, reads[bestRead], now, _options.StillShift);
        }
    }

    private void StartTracks(BgrImage image, DateTimeOffset now, IReadOnlyList<PlateRead> reads, ITrackSink sink)
    {
        for (var r = 0; r < reads.Count; r++)
        {
            if (_readDone[r])
            {
                continue;
            }

            if (_active.Count == _options.MaxTracks)
            {
                End(LongestUnseen(), sink);
            }

            var track = _spare.Count > 0 ? _spare.Pop() : new PlateTrack();
            track.Start(image, reads[r], now);
            _active.Add(track);
        }
    }

    // A settled vote is offered once per text it settles on: the sink sends it at once if it is
    // a hit, and the track then waits only for its window to confirm or correct it.
    private void OfferSettled(ITrackSink sink)
    {
        foreach (var track in _active)
        {
            if (track.ReportedText is null && track.VoteUnasked && IsSettled(track))
            {
                track.Asked();
                var offered = track.Describe(CameraId);
                if (sink.Settled(offered) is { } eventId)
                {
                    track.ReportedEarly(eventId, offered.Text);
                }
            }
        }
    }

    private bool IsSettled(PlateTrack track) =>
        track.Confidence >= _options.MinConfidence
        && (track.AgreeingReads >= _options.SettledReads || track.LastAgreeingConfidence >= _options.SettledConfidence);

    private void ReportRipe(DateTimeOffset now, ITrackSink sink)
    {
        foreach (var track in _active)
        {
            if (now - track.FirstSeenAtUtc < _options.MaxVoteWindow)
            {
                continue;
            }

            if (IsReportable(track))
            {
                sink.Report(track.Report(CameraId));
                track.Asked();
            }
            else
            {
                Revise(track, sink);
            }
        }
    }

    // An early hit's window has passed: its final vote confirms it (nothing to send) or corrects
    // it, once. A track reported at its window whose vote moved on (a parked car read again and
    // again) is offered to the sink once per new vote, until the sink takes one.
    private void Revise(PlateTrack track, ITrackSink sink)
    {
        if (!track.Revisable || track.ReportedText is not { } reported)
        {
            return;
        }

        var changed = !track.Vote.SequenceEqual(reported);
        if (track.EarlyEventId is { } early)
        {
            track.Revised();
            if (changed)
            {
                sink.Revised(track.Describe(CameraId), reported, early);
            }

            return;
        }

        if (changed && track.VoteUnasked)
        {
            track.Asked();
            if (sink.Revised(track.Describe(CameraId), reported, null))
            {
                track.Revised();
            }
        }
    }

    // Parked: stood still long enough that reading it again only costs a recognition and risks
    // a slightly different text. The plate detector still finds it there, which keeps it seen.
    private void PlanReading()
    {
        _notToReadCount = 0;
        foreach (var track in _active)
        {
            if (track.StillFor >= _options.ParkedAfter && _notToReadCount < _notToRead.Length)
            {
                _notToRead[_notToReadCount] = track.StillBox;
                _notToReadTracks[_notToReadCount++] = track;
            }
        }
    }

    private void End(int index, ITrackSink sink)
    {
        var track = _active[index];
        _active.RemoveAt(index);
        try
        {
            if (IsReportable(track))
            {
                sink.Report(track.Report(CameraId));
            }
            else if (track.EarlyEventId is not null)
            {
                // Left before its window ended: its last vote is the final one.
                Revise(track, sink);
            }

            if (track.ReportedText is { } text)
            {
                sink.TrackEnded(CameraId, text, track.LastSeenAtUtc);
            }
        }
        finally
        {
            track.Clear();
            _spare.Push(track);
        }
    }

    // Reports once, and only a vote believed at least as much as the confidence floor: a track
    // of one poor read ends unreported, as such a read was ignored before tracking.
    private bool IsReportable(PlateTrack track) => track.ReportedText is null && track.Confidence >= _options.MinConfidence;

    private int LongestUnseen()
    {
        var oldest = 0;
        for (var i = 1; i < _active.Count; i++)
        {
            if (_active[i].LastSeenAtUtc < _active[oldest].LastSeenAtUtc)
            {
                oldest = i;
            }
        }

        return oldest;
    }
}
