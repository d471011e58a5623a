using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Tracks;

/// <summary>
/// One vehicle followed across frames: the votes of its reads, the text they vote for now, its
/// best frame, where it was last seen, how long it has stood still and what it has reported.
/// Reused for later vehicles (<see cref="Clear"/>), so following a car allocates nothing.
/// </summary>
internal sealed class PlateTrack
{
    // Past this many reads the vote is frozen: a car parked for days would otherwise grow sums
    // past what a float adds precisely, and a vote of this many reads no longer moves.
    private const int MaxVotingReads = 64;

    /// <summary>The most alternative readings a report carries (<see cref="FinalRead.Alternatives"/>).</summary>
    public const int MaxAlternatives = 4;

    private readonly CharacterVote _votes = new();
    private readonly ReadAlternativeTally _readAlternatives = new();
    private readonly char[] _vote = new char[CharacterVote.MaxLength];
    private int _voteLength;
    private int _votingReads;

    public BestFrame Best { get; } = new();

    /// <summary>What the reads vote for so far.</summary>
    public ReadOnlySpan<char> Vote => _vote.AsSpan(0, _voteLength);

    public float Confidence => _votes.Confidence;

    public DateTimeOffset FirstSeenAtUtc { get; private set; }

    public DateTimeOffset LastSeenAtUtc { get; private set; }

    public PlateBox LastBox { get; private set; }

    public int Reads { get; private set; }

    /// <summary>How many reads in a row, up to the last, read exactly the vote (the settled rule's count).</summary>
    public int AgreeingReads { get; private set; }

    /// <summary>The confidence of the last read, when it read exactly the vote; otherwise 0.</summary>
    public float LastAgreeingConfidence { get; private set; }

    /// <summary>Since when the plate has stood where it stands (within the still allowance).</summary>
    public DateTimeOffset StillSinceUtc { get; private set; }

    /// <summary>Where the plate stands (its box when it began standing still).</summary>
    public PlateBox StillBox { get; private set; }

    /// <summary>The text this track reported; null until it has.</summary>
    public string? ReportedText { get; private set; }

    /// <summary>The event id of the hit sent before the vote window ended; null when the track reported at its window.</summary>
    public string? EarlyEventId { get; private set; }

    /// <summary>Whether a report's vote can still be revised (once, and for an early hit once its window has passed).</summary>
    public bool Revisable { get; private set; }

    /// <summary>The vote changed since the sink was last asked about it (settled or revised).</summary>
    public bool VoteUnasked { get; private set; }

    /// <summary>How long the plate has stood still, up to its last sighting.</summary>
    public TimeSpan StillFor => LastSeenAtUtc - StillSinceUtc;

    public void Start(BgrImage image, in PlateRead read, DateTimeOffset capturedAtUtc)
    {
        FirstSeenAtUtc = capturedAtUtc;
        StillSinceUtc = capturedAtUtc;
        StillBox = read.Box;
        Absorb(image, read, capturedAtUtc, float.PositiveInfinity);
    }

    /// <summary>
    /// Counts a read of this vehicle: it votes (up to a bound) and, when closer to the vote than
    /// the best frame's, becomes the best frame. A plate that moved more than
    /// <paramref name="stillShift"/> box widths from where it stood starts standing still anew.
    /// </summary>
    public void Absorb(BgrImage image, in PlateRead read, DateTimeOffset capturedAtUtc, float stillShift)
    {
        LastSeenAtUtc = capturedAtUtc;
        LastBox = read.Box;
        Reads++;
        if (TrackMatch.Shift(StillBox, read.Box) > stillShift)
        {
            StillBox = read.Box;
            StillSinceUtc = capturedAtUtc;
        }

        if (_votingReads == MaxVotingReads)
        {
            return;
        }

        _votingReads++;
        Span<char> before = stackalloc char[CharacterVote.MaxLength];
        var beforeLength = _voteLength;
        Vote.CopyTo(before);
        _votes.Add(read.Text, read.Confidence);
        _readAlternatives.Add(read.Alternatives, read.Confidence);
        _voteLength = _votes.Write(_vote);
        VoteUnasked |= !Vote.SequenceEqual(before[..beforeLength]);
        var agrees = read.Text.AsSpan().SequenceEqual(Vote);
        AgreeingReads = agrees ? AgreeingReads + 1 : 0;
        LastAgreeingConfidence = agrees ? read.Confidence : 0;
        if (IsBetterThanBest(read))
        {
            Best.Capture(image, read, capturedAtUtc);
        }
    }

    /// <summary>
    /// The vehicle is seen at <paramref name="capturedAtUtc"/> where it last stood, without a read:
    /// a frame in which nothing moved, or the plate detector's box where a parked plate stands.
    /// </summary>
    public void SeenStanding(DateTimeOffset capturedAtUtc)
    {
        if (capturedAtUtc > LastSeenAtUtc)
        {
            LastSeenAtUtc = capturedAtUtc;
        }
    }

    /// <summary>Marks the track reported (before the sink sees it, so a failing sink is not asked twice) and describes the report.</summary>
    public FinalRead Report(string cameraId)
    {
        ReportedText = new string(Vote);
        Revisable = true;
        return Describe(cameraId, ReportedText);
    }

    /// <summary>The track's vote as it stands, without marking anything: a settled vote offered early, or a revision.</summary>
    public FinalRead Describe(string cameraId) => Describe(cameraId, new string(Vote));

    /// <summary>The sink sent a hit for <paramref name="text"/> (the vote it was offered) before the vote window ended.</summary>
    public void ReportedEarly(string eventId, string text)
    {
        ReportedText = text;
        EarlyEventId = eventId;
        Revisable = true;
    }

    private FinalRead Describe(string cameraId, string text) =>
        new(cameraId, text, Confidence, Best.Box, Best.Image, Best.CapturedAtUtc, Reads, Alternatives(text), FirstSeenAtUtc);

    /// <summary>
    /// The texts hotlist matching tries after <paramref name="voted"/>: the vote's own alternatives
    /// first (texts the pass's frames read, position by position), then the recogniser's runner-up
    /// readings of its reads, best supported first; no text twice, at most
    /// <see cref="MaxAlternatives"/>; null when there are none. The vote's come first because they
    /// are what some frame read, where a runner-up reading is what no frame read but a frame nearly
    /// did; and the matcher prefers an earlier reading when two match alike.
    /// </summary>
    private IReadOnlyList<string>? Alternatives(string voted)
    {
        var fromVote = _votes.Alternatives();
        if (_readAlternatives.Count == 0)
        {
            return fromVote;
        }

        var alternatives = new List<string>(MaxAlternatives);
        if (fromVote is not null)
        {
            alternatives.AddRange(fromVote);
        }

        _readAlternatives.AppendTo(alternatives, voted, MaxAlternatives);
        return alternatives.Count == 0 ? null : alternatives;
    }

    /// <summary>The sink has been asked about the vote as it stands.</summary>
    public void Asked() => VoteUnasked = false;

    /// <summary>The sink took a revision (or it was the one an early hit allows): no further one.</summary>
    public void Revised() => Revisable = false;

    /// <summary>Returns the best frame's buffer and forgets the vehicle.</summary>
    public void Clear()
    {
        Best.Release();
        _votes.Clear();
        _readAlternatives.Clear();
        _voteLength = 0;
        _votingReads = 0;
        Reads = 0;
        AgreeingReads = 0;
        LastAgreeingConfidence = 0;
        ReportedText = null;
        EarlyEventId = null;
        Revisable = false;
        VoteUnasked = false;
    }

    // Closest to the vote wins (the vote moves, so the kept read is measured again); equally
    // close, the more confident read wins.
    private bool IsBetterThanBest(in PlateRead read)
    {
        if (!Best.HasFrame)
        {
            return true;
        }

        var distance = PlateTextDistance.Between(read.Text, Vote, foldLookAlikes: false);
        var bestDistance = PlateTextDistance.Between(Best.Text, Vote, foldLookAlikes: false);
        return distance < bestDistance || (distance == bestDistance && read.Confidence > Best.Confidence);
    }
}
