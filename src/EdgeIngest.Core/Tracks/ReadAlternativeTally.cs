using EdgeIngest.Reads;

namespace EdgeIngest.Tracks;

/// <summary>
/// The recogniser's runner-up readings (<see cref="PlateRead.Alternatives"/>) of a track's reads,
/// each with the summed confidence of the reads that carried it, so a pass reports the ones most
/// of its frames were torn towards. A fixed table: when it is full, a new reading takes the slot
/// of the least supported one if it is better supported already by this read alone. Reusing the
/// reads' cached strings, counting a read allocates nothing.
/// </summary>
internal sealed class ReadAlternativeTally
{
    /// <summary>How many distinct readings a track keeps.</summary>
    public const int Slots = 8;

    // As in the vote: a zero-confidence read was still read.
    private const float MinWeight = 1e-3f;

    private readonly string?[] _texts = new string?[Slots];
    private readonly float[] _support = new float[Slots];
    private int _count;

    public int Count => _count;

    /// <summary>Counts the runner-up readings of one read of <paramref name="confidence"/>.</summary>
    public void Add(in ReadAlternatives alternatives, float confidence)
    {
        var weight = Math.Max(confidence, MinWeight);
        for (var a = 0; a < alternatives.Count; a++)
        {
            Add(alternatives[a], weight);
        }
    }

    /// <summary>
    /// Appends to <paramref name="alternatives"/> the kept readings, best supported first (ties: the
    /// first seen), leaving out <paramref name="voted"/> and any already there, until it holds
    /// <paramref name="max"/>. Called once per report.
    /// </summary>
    public void AppendTo(List<string> alternatives, string voted, int max)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        Span<bool> taken = stackalloc bool[Slots];
        while (alternatives.Count < max)
        {
            var best = -1;
            for (var i = 0; i < _count; i++)
            {
                if (!taken[i] && (best < 0 || _support[i] > _support[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                return;
            }

            taken[best] = true;
            var text = _texts[best]!;
            if (!string.Equals(text, voted, StringComparison.Ordinal) && !alternatives.Contains(text))
            {
                alternatives.Add(text);
            }
        }
    }

    /// <summary>Forgets every reading, keeping the table for the next track.</summary>
    public void Clear()
    {
        Array.Clear(_texts);
        Array.Clear(_support);
        _count = 0;
    }

    private void Add(string text, float weight)
    {
        var weakest = 0;
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_texts[i], text, StringComparison.Ordinal))
            {
                _support[i] += weight;
                return;
            }

            weakest = _support[i] < _support[weakest] ? i : weakest;
        }

        if (_count < Slots)
        {
            (_texts[_count], _support[_count]) = (text, weight);
            _count++;
        }
        else if (weight > _support[weakest])
        {
            (_texts[weakest], _support[weakest]) = (text, weight);
        }
    }
}
