namespace EdgeIngest.Hotlists;

/// <summary>
/// The form in which plates are compared. Upper case, letters and digits only, and characters
/// that look alike on a plate folded together, so "O" read for "0" (or "8" for "B") still hits.
/// Folding only ever widens a match; an investigator confirms the hit on the snapshot.
/// </summary>
public static class PlateKey
{
    /// <summary>Look-alike pairs, folded to the digit: O/Q→0, I→1, Z→2, S→5, G→6, B→8.</summary>
    public static char Fold(char c) => char.ToUpperInvariant(c) switch
    {
        'O' or 'Q' => '0',
        'I' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        var upper => upper,
    };

    /// <summary>Keys are at most this long; anything past it is ignored (no plate comes near).</summary>
    internal const int MaxLength = 32;

    /// <summary>The key of <paramref name="plate"/>: separators and spaces dropped, look-alikes folded.</summary>
    public static string Of(ReadOnlySpan<char> plate)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Write(plate, buffer)]);
    }

    /// <summary>
    /// Writes the key of <paramref name="plate"/> into <paramref name="destination"/> (at most its
    /// length, and at most <see cref="MaxLength"/>) and returns its length: the same key as
    /// <see cref="Of"/> without a string, for lookups on the per-frame path.
    /// </summary>
    internal static int Write(ReadOnlySpan<char> plate, Span<char> destination)
    {
        var limit = Math.Min(destination.Length, MaxLength);
        var length = 0;
        foreach (var c in plate)
        {
            if (char.IsAsciiLetterOrDigit(c) && length < limit)
            {
                destination[length++] = Fold(c);
            }
        }

        return length;
    }

    /// <summary>Plate text as people write it: upper case, letters and digits only, no folding.</summary>
    public static string Clean(ReadOnlySpan<char> plate)
    {
        Span<char> buffer = stackalloc char[Math.Min(plate.Length, 32)];
        var length = 0;
        foreach (var c in plate)
        {
            if (char.IsAsciiLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
