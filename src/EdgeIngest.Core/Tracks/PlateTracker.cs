using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Tracks;

/// <summary>
/// Follows one camera's vehicles across frames, so that each pass is reported once, with the
/// text its reads vote for and its best frame, rather than whatever the first frame misread.
/// Per frame: tracks unseen for longer than the gap end (reporting first if they have not yet);
/// tracks open for the whole vote window report, and keep following their vehicle silently; the
/// frame's reads join the tracks they fit best (position and text), the rest start tracks.
/// Time is the frames' capture time, never the clock. One thread at a time (the camera's
/// worker); following vehicles it already knows allocates nothing.
/// </summary>
public sealed class PlateTracker
{
    private readonly TrackerOptions _options;
    private readonly List<PlateTrack> _active;
    private readonly Stack<PlateTrack> _spare;
    private readonly bool[] _claimed;
    private bool[] _readDone = new bool[16];

    public PlateTracker(string cameraId, TrackerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Gap, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxVoteWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxTracks);
        CameraId = cameraId;
        _options = options;
        _active = new List<PlateTrack>(options.MaxTracks);
        _spare = new Stack<PlateTrack>(options.MaxTracks);
        _claimed = new bool[options.MaxTracks];
    }

    public string CameraId { get; }

    /// <summary>Vehicles being followed now, reported or not.</summary>
    public int OpenTracks => _active.Count;

    /// <summary>
    /// Moves the tracker's time to a frame's capture time: tracks unseen for longer than the gap
    /// end, tracks open for the vote window report. The camera worker calls it before reading
    /// the frame, so a due hit does not wait for one more recognition.
    /// </summary>
    public void Advance(DateTimeOffset capturedAtUtc, ITrackSink sink)
    {
        EndGone(capturedAtUtc, sink);
        ReportRipe(capturedAtUtc, sink);
    }

    /// <summary>
    /// Takes one analysed frame's reads (advancing to its capture time first). Reports and ended
    /// tracks go to <paramref name="sink"/> before this returns; the frame itself may be released
    /// afterwards (tracks copy what they keep).
    /// </summary>
    public void Observe(BgrImage image, DateTimeOffset capturedAtUtc, IReadOnlyList<PlateRead> reads, ITrackSink sink)
    {
        Advance(capturedAtUtc, sink);
        MatchReads(image, capturedAtUtc, reads);
        StartTracks(image, capturedAtUtc, reads, sink);

        // A track past its window whose vote only now reaches the confidence floor.
        ReportRipe(capturedAtUtc, sink);
    }

    /// <summary>Reports every open track that has not reported and ends them all: the camera is stopping.</summary>
    public void Flush(ITrackSink sink)
    {
        while (_active.Count > 0)
        {
            End(0, sink);
        }
    }

    private void EndGone(DateTimeOffset now, ITrackSink sink)
    {
        var i = 0;
        while (i < _active.Count)
        {
            if (now - _active[i].LastSeenAtUtc > _options.Gap)
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
            _active[bestTrack].Absorb(image, reads[bestRead], now);
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

    private void ReportRipe(DateTimeOffset now, ITrackSink sink)
    {
        foreach (var track in _active)
        {
            if (now - track.FirstSeenAtUtc >= _options.MaxVoteWindow && IsReportable(track))
            {
                sink.Report(track.Report(CameraId));
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
