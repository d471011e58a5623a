namespace EdgeIngest.Reads.Regions;

/// <summary>
/// The plate layouts of the configured regions, compiled once at start into flat arrays so that
/// matching and correcting a read allocates nothing. A read fits a layout when it has as many
/// characters and each is of its position's class; it fits after correction when the only
/// mismatches are look-alikes (<see cref="LookAlikes"/>) in letter or digit positions.
/// </summary>
public sealed class PlateLayouts
{
    private readonly PositionClass[] positions;
    private readonly int[] starts;
    private readonly int[] lengths;

    private PlateLayouts(PositionClass[] positions, int[] starts, int[] lengths)
    {
        this.positions = positions;
        this.starts = starts;
        this.lengths = lengths;
        Longest = lengths.Length == 0 ? 0 : lengths.Max();
    }

    /// <summary>No layouts (region <c>any</c>): nothing fits, nothing is corrected.</summary>
    public static PlateLayouts None { get; } = new([], [], []);

    /// <summary>How many layouts there are.</summary>
    public int Count => lengths.Length;

    /// <summary>The most positions any layout has; 0 for <see cref="None"/>.</summary>
    public int Longest { get; }

    /// <summary>The layouts, in order of preference (the first listed wins a tie); duplicates are kept once.</summary>
    public static PlateLayouts Compile(IEnumerable<PositionClass[]> layouts)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        var distinct = new List<PositionClass[]>();
        foreach (var layout in layouts)
        {
            if (!distinct.Exists(known => known.AsSpan().SequenceEqual(layout)))
            {
                distinct.Add(layout);
            }
        }

        var starts = new int[distinct.Count];
        var lengths = new int[distinct.Count];
        var flat = new PositionClass[distinct.Sum(l => l.Length)];
        var at = 0;
        for (var i = 0; i < distinct.Count; i++)
        {
            starts[i] = at;
            lengths[i] = distinct[i].Length;
            distinct[i].CopyTo(flat, at);
            at += lengths[i];
        }

        return new PlateLayouts(flat, starts, lengths);
    }

    /// <summary>Whether <paramref name="text"/> fits a layout exactly, as it is.</summary>
    public bool Fits(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < lengths.Length; i++)
        {
            if (Corrections(text, i, [], 0f) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Makes <paramref name="text"/> fit the layout it is closest to, in place: a letter read in a
    /// digit position becomes its look-alike digit, a digit in a letter position its look-alike
    /// letter; <c>?</c> positions and every other character stay as read. The layout needing the
    /// fewest changes wins (a read that already fits one is never changed; ties go to the layout
    /// listed first). Returns whether the text now fits a layout; when it fits none, even after
    /// correction, it is left exactly as read.
    /// </summary>
    public bool Correct(Span<char> text) => Correct(text, int.MaxValue);

    /// <summary>
    /// As <see cref="Correct(Span{char})"/>, but a layout that would need more than
    /// <paramref name="maxChanges"/> changes does not count: the read is left as it is.
    /// </summary>
    public bool Correct(Span<char> text, int maxChanges) => Correct(text, [], 0f, maxChanges);

    /// <summary>
    /// As <see cref="Correct(Span{char}, int)"/>, but a character may change only where the
    /// recogniser was unsure between it and its look-alike: where its look-alike's probability
    /// (<paramref name="lookAlikes"/>, one per character, from <see cref="CtcDecoder"/>) reached
    /// <paramref name="minLookAlike"/>. A character read surely is kept, and a layout that would
    /// need it changed does not fit. Without probabilities (an empty span) every character may change.
    /// </summary>
    public bool Correct(Span<char> text, ReadOnlySpan<float> lookAlikes, float minLookAlike, int maxChanges)
    {
        var best = -1;
        var fewest = int.MaxValue;
        for (var i = 0; i < lengths.Length && fewest > 0; i++)
        {
            var changes = Corrections(text, i, lookAlikes, minLookAlike);
            if (changes >= 0 && changes <= maxChanges && changes < fewest)
            {
                best = i;
                fewest = changes;
            }
        }

        if (best < 0)
        {
            return false;
        }

        var layout = positions.AsSpan(starts[best], lengths[best]);
        for (var p = 0; p < text.Length; p++)
        {
            var c = text[p];
            if (layout[p] == PositionClass.Digit && !char.IsAsciiDigit(c))
            {
                text[p] = LookAlikes.ToDigit(c);
            }
            else if (layout[p] == PositionClass.Letter && !char.IsAsciiLetterUpper(c))
            {
                text[p] = LookAlikes.ToLetter(c);
            }
        }

        return true;
    }

    /// <summary>How many look-alike changes make <paramref name="text"/> fit layout <paramref name="index"/>; -1 when none can.</summary>
    private int Corrections(ReadOnlySpan<char> text, int index, ReadOnlySpan<float> lookAlikes, float minLookAlike)
    {
        if (text.Length != lengths[index])
        {
            return -1;
        }

        var layout = positions.AsSpan(starts[index], lengths[index]);
        var changes = 0;
        for (var p = 0; p < text.Length; p++)
        {
            var c = text[p];
            var unsure = lookAlikes.Length <= p || lookAlikes[p] >= minLookAlike;
            switch (layout[p])
            {
                case PositionClass.Letter when char.IsAsciiLetterUpper(c):
                case PositionClass.Digit when char.IsAsciiDigit(c):
                case PositionClass.Either when char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c):
                    continue;
                case PositionClass.Letter when unsure && LookAlikes.ToLetter(c) != '\0':
                case PositionClass.Digit when unsure && LookAlikes.ToDigit(c) != '\0':
                    changes++;
                    continue;
                default:
                    return -1;
            }
        }

        return changes;
    }
}
