namespace EdgeIngest.Reads;

/// <summary>
/// Hands out one <see cref="string"/> per distinct read text, looked up by span, so a car read
/// in thirty consecutive frames allocates its text once, not thirty times. Bounded: when full it
/// starts over (clearing keeps the table's storage), so a stream of ever-new misreads costs at
/// most one string each and memory stays fixed. One thread at a time, like its recogniser.
/// </summary>
internal sealed class PlateTextCache
{
    private readonly HashSet<string> texts;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> bySpan;
    private readonly int capacity;

    public PlateTextCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.capacity = capacity;
        texts = new HashSet<string>(capacity, StringComparer.Ordinal);
        bySpan = texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => texts.Count;

    /// <summary>The cached string equal to <paramref name="text"/>, made and kept on first sight.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (bySpan.TryGetValue(text, out var cached))
        {
            return cached;
        }

        if (texts.Count == capacity)
        {
            texts.Clear();
        }

        var made = new string(text);
        texts.Add(made);
        return made;
    }
}
