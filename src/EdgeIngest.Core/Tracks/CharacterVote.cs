namespace EdgeIngest.Tracks;

/// <summary>
/// Per-character voting over a track's reads, weighted by confidence. The length with the most
/// summed confidence wins; then, among the reads of that length, each position takes the
/// character with the most summed confidence there. So "6MWF778" 0.9, "GMWF778" 0.7 and
/// "6MWF778" 0.8 vote "6MWF778", and a read missing a character only votes on the length.
/// Every voted character was read at its position in some frame: nothing is invented.
/// Sums, not a list of reads, so a car parked in view for an hour costs the same fixed table.
/// </summary>
internal sealed class CharacterVote
{
    /// <summary>Longest read that votes; plates are 4–8 characters (PlateCandidateRules).</summary>
    public const int MaxLength = 12;

    private const int Symbols = 36; // A–Z, 0–9: all the recogniser emits (PlateCharacters)

    // A zero-confidence read was still read: it weighs a little, so its characters can win alone.
    private const float MinWeight = 1e-3f;

    // Position weights of every length in one flat table: length L's positions start at
    // Symbols * L(L-1)/2, each position a row of Symbols weights.
    private readonly float[] _weights = new float[Symbols * MaxLength * (MaxLength + 1) / 2];
    private readonly float[] _lengthWeight = new float[MaxLength + 1];
    private readonly float[] _confidenceSum = new float[MaxLength + 1];
    private readonly int[] _readsOfLength = new int[MaxLength + 1];

    /// <summary>True when a read of <paramref name="text"/> can vote: 1–12 characters of A–Z and 0–9.</summary>
    public static bool CanVote(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (SymbolOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts one read (which must be able to vote).</summary>
    public void Add(ReadOnlySpan<char> text, float confidence)
    {
        var weight = Math.Max(confidence, MinWeight);
        var length = text.Length;
        _lengthWeight[length] += weight;
        _confidenceSum[length] += confidence;
        _readsOfLength[length]++;
        var row = FirstRowOf(length);
        for (var i = 0; i < length; i++, row += Symbols)
        {
            _weights[row + SymbolOf(text[i])] += weight;
        }
    }

    /// <summary>Writes the voted text into <paramref name="destination"/> (at least <see cref="MaxLength"/> long); returns its length, 0 before any read.</summary>
    public int Write(Span<char> destination)
    {
        var length = WinningLength();
        var row = FirstRowOf(length);
        for (var i = 0; i < length; i++, row += Symbols)
        {
            destination[i] = CharOf(Winner(row));
        }

        return length;
    }

    /// <summary>
    /// Up to two other texts the reads support, for hotlist matching to try after the vote (null
    /// when every read agreed): the vote with its closest-run position taken by that position's
    /// runner-up, and the vote among the reads of the runner-up length (a read that dropped or
    /// added a character). Like the vote itself, every character was read at its position in some
    /// frame. Called once per report, so the strings it makes are no per-frame cost.
    /// </summary>
    public IReadOnlyList<string>? Alternatives()
    {
        var length = WinningLength();
        if (length == 0)
        {
            return null;
        }

        List<string>? alternatives = null;
        Span<char> text = stackalloc char[MaxLength];
        Write(text);
        var (position, symbol, runnerUpWeight, row) = (-1, -1, 0f, FirstRowOf(length));
        for (var i = 0; i < length; i++, row += Symbols)
        {
            var second = RunnerUp(row, Winner(row));
            if (second >= 0 && _weights[row + second] > runnerUpWeight)
            {
                (position, symbol, runnerUpWeight) = (i, second, _weights[row + second]);
            }
        }

        if (position >= 0)
        {
            var voted = text[position];
            text[position] = CharOf(symbol);
            alternatives = [new string(text[..length])];
            text[position] = voted;
        }

        var otherLength = RunnerUpLength(length);
        if (otherLength > 0)
        {
            row = FirstRowOf(otherLength);
            for (var i = 0; i < otherLength; i++, row += Symbols)
            {
                text[i] = CharOf(Winner(row));
            }

            (alternatives ??= []).Add(new string(text[..otherLength]));
        }

        return alternatives;
    }

    /// <summary>
    /// How much to believe the vote, in [0, 1]: the mean over positions of the winning
    /// character's share of that position's votes (1 when every read agrees), times the mean
    /// recogniser confidence of the reads of the winning length. Agreement and certainty both
    /// count; reads of other lengths do not drag it down, as they did not vote on the text.
    /// </summary>
    public float Confidence
    {
        get
        {
            var length = WinningLength();
            if (length == 0)
            {
                return 0;
            }

            var shares = 0f;
            var row = FirstRowOf(length);
            for (var i = 0; i < length; i++, row += Symbols)
            {
                shares += _weights[row + Winner(row)] / _lengthWeight[length];
            }

            return Math.Clamp(shares / length * (_confidenceSum[length] / _readsOfLength[length]), 0f, 1f);
        }
    }

    /// <summary>Forgets every read, keeping the tables for the next track.</summary>
    public void Clear()
    {
        Array.Clear(_weights);
        Array.Clear(_lengthWeight);
        Array.Clear(_confidenceSum);
        Array.Clear(_readsOfLength);
    }

    private int WinningLength()
    {
        var best = 0;
        for (var length = 1; length <= MaxLength; length++)
        {
            if (_lengthWeight[length] > _lengthWeight[best])
            {
                best = length;
            }
        }

        return best;
    }

    private int RunnerUpLength(int winning)
    {
        var best = 0;
        for (var length = 1; length <= MaxLength; length++)
        {
            if (length != winning && _lengthWeight[length] > _lengthWeight[best])
            {
                best = length;
            }
        }

        return best;
    }

    // The best symbol other than the winner that some read had there; -1 when none.
    private int RunnerUp(int row, int winner)
    {
        var best = -1;
        for (var symbol = 0; symbol < Symbols; symbol++)
        {
            if (symbol != winner && _weights[row + symbol] > 0 && (best < 0 || _weights[row + symbol] > _weights[row + best]))
            {
                best = symbol;
            }
        }

        return best;
    }

    // The first symbol with the highest weight; a symbol no read had (weight 0) never wins.
    private int Winner(int row)
    {
        var best = 0;
        for (var symbol = 1; symbol < Symbols; symbol++)
        {
            if (_weights[row + symbol] > _weights[row + best])
            {
                best = symbol;
            }
        }

        return best;
    }

    private static int FirstRowOf(int length) => Symbols * length * (length - 1) / 2;

    private static int SymbolOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => 26 + (c - '0'),
        _ => -1,
    };

    private static char CharOf(int symbol) => symbol < 26 ? (char)('A' + symbol) : (char)('0' + symbol - 26);
}
