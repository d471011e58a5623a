using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Tracks;

/// <summary>
/// One vehicle followed across frames: the votes of its reads, the text they vote for now, its
/// best frame, where it was last seen and whether it has reported. Reused for later vehicles
/// (<see cref="Clear"/>), so following a car allocates nothing.
/// </summary>
internal sealed class PlateTrack
{
    private readonly CharacterVote _votes = new();
    private readonly char[] _vote = new char[CharacterVote.MaxLength];
    private int _voteLength;

    public BestFrame Best { get; } = new();

    /// <summary>What the reads vote for so far.</summary>
    public ReadOnlySpan<char> Vote => _vote.AsSpan(0, _voteLength);

    public float Confidence => _votes.Confidence;

    public DateTimeOffset FirstSeenAtUtc { get; private set; }

    public DateTimeOffset LastSeenAtUtc { get; private set; }

    public PlateBox LastBox { get; private set; }

    public int Reads { get; private set; }

    /// <summary>The text this track reported; null until it has.</summary>
    public string? ReportedText { get; private set; }

    public void Start(BgrImage image, in PlateRead read, DateTimeOffset capturedAtUtc)
    {
        FirstSeenAtUtc = capturedAtUtc;
        Absorb(image, read, capturedAtUtc);
    }

    /// <summary>
    /// Counts a read of this vehicle. Until the track has reported, the read votes and, when it is
    /// closer to the vote than the best frame's, becomes the best frame. After the report the vote
    /// stays what was reported (a car parked for days would otherwise grow sums past what a float
    /// adds precisely); reads then only say the vehicle is still there.
    /// </summary>
    public void Absorb(BgrImage image, in PlateRead read, DateTimeOffset capturedAtUtc)
    {
        LastSeenAtUtc = capturedAtUtc;
        LastBox = read.Box;
        Reads++;
        if (ReportedText is not null)
        {
            return;
        }

        _votes.Add(read.Text, read.Confidence);
        _voteLength = _votes.Write(_vote);
        if (IsBetterThanBest(read))
        {
            Best.Capture(image, read, capturedAtUtc);
        }
    }

    /// <summary>Marks the track reported (before the sink sees it, so a failing sink is not asked twice) and describes the report.</summary>
    public FinalRead Report(string cameraId)
    {
        ReportedText = new string(Vote);
        return new FinalRead(cameraId, ReportedText, Confidence, Best.Box, Best.Image, Best.CapturedAtUtc, Reads, _votes.Alternatives());
    }

    /// <summary>Returns the best frame's buffer and forgets the vehicle.</summary>
    public void Clear()
    {
        Best.Release();
        _votes.Clear();
        _voteLength = 0;
        Reads = 0;
        ReportedText = null;
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
