namespace EdgeIngest.Reads;

/// <summary>
/// Up to <see cref="Capacity"/> other texts the recogniser found nearly as probable as a read's
/// (its runner-up readings of the same band, <see cref="CtcBeamSearch"/>), most probable first: a
/// plate a hotlist should still be asked about when the read itself missed it (K read as X). A
/// value of a few references whose strings come from the recogniser's text cache, so a read carries
/// them without allocating.
/// </summary>
public readonly record struct ReadAlternatives
{
    /// <summary>The most a read carries.</summary>
    public const int Capacity = 3;

    private readonly string? first;
    private readonly string? second;
    private readonly string? third;

    private ReadAlternatives(string? first, string? second, string? third, int count) =>
        (this.first, this.second, this.third, Count) = (first, second, third, count);

    public int Count { get; }

    public string this[int index] => (uint)index < (uint)Count
        ? index switch { 0 => first!, 1 => second!, _ => third! }
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"a read carries {Count} alternative(s)");

    /// <summary>These with <paramref name="text"/> after them; full (<see cref="Capacity"/>), these unchanged.</summary>
    public ReadAlternatives With(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Count switch
        {
            0 => new(text, null, null, 1),
            1 => new(first, text, null, 2),
            2 => new(first, second, text, 3),
            _ => this,
        };
    }

    /// <summary>Alternatives of these texts (at most <see cref="Capacity"/>), for tests and tools.</summary>
    public static ReadAlternatives Of(params ReadOnlySpan<string> texts)
    {
        var made = default(ReadAlternatives);
        foreach (var text in texts)
        {
            made = made.With(text);
        }

        return made;
    }

    public override string ToString() => Count switch
    {
        0 => "(none)",
        1 => first!,
        2 => $"{first}, {second}",
        _ => $"{first}, {second}, {third}",
    };
}
