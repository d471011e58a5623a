namespace EdgeIngest.Reads;

/// <summary>
/// The most probable readings of one recogniser run (<see cref="CtcBeamSearch"/>), most probable
/// first, each with its share of the most probable reading's probability; only those with at least
/// the share asked for are kept. A buffer beside the reader's text buffer, so the readings follow
/// the read they belong to when a reframed or widened read replaces it. Sized at construction: it
/// allocates nothing.
/// </summary>
internal sealed class TopReadings
{
    private readonly char[] characters;
    private readonly int[] lengths;
    private readonly float[] shares;
    private readonly int maxLength;

    /// <param name="capacity">The most readings kept.</param>
    /// <param name="maxLength">The longest reading kept (longer ones are left out).</param>
    public TopReadings(int capacity, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        this.maxLength = maxLength;
        characters = new char[capacity * maxLength];
        lengths = new int[capacity];
        shares = new float[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Reading <paramref name="rank"/> (0: the most probable).</summary>
    public ReadOnlySpan<char> Reading(int rank) => characters.AsSpan(rank * maxLength, lengths[rank]);

    /// <summary>Reading <paramref name="rank"/>'s probability as a share of the most probable reading's (1 for rank 0).</summary>
    public float Share(int rank) => shares[rank];

    public void Clear() => Count = 0;

    /// <summary>Keeps <paramref name="search"/>'s readings from the most probable down, while their share is at least <paramref name="minShare"/>.</summary>
    public void Take(CtcBeamSearch search, double minShare)
    {
        ArgumentNullException.ThrowIfNull(search);
        Count = 0;
        for (var rank = 0; rank < search.Count && Count < lengths.Length; rank++)
        {
            var share = search.RelativeProbability(rank);
            if (share < minShare)
            {
                break;
            }

            var reading = search.Reading(rank);
            if (reading.Length <= maxLength)
            {
                Add(reading, (float)share);
            }
        }
    }

    /// <summary>Takes <paramref name="other"/>'s readings (a read replaced by another framing's).</summary>
    public void CopyFrom(TopReadings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count = 0;
        for (var i = 0; i < other.Count && Count < lengths.Length; i++)
        {
            if (other.Reading(i).Length <= maxLength)
            {
                Add(other.Reading(i), other.Share(i));
            }
        }
    }

    private void Add(ReadOnlySpan<char> reading, float share)
    {
        reading.CopyTo(characters.AsSpan(Count * maxLength, maxLength));
        lengths[Count] = reading.Length;
        shares[Count] = share;
        Count++;
    }
}
