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

    /// <summary>The key of <paramref name="plate"/>: separators and spaces dropped, look-alikes folded.</summary>
    public static string Of(ReadOnlySpan<char> plate)
    {
        Span<char> buffer = stackalloc char[Math.Min(plate.Length, 32)];
        var length = 0;
        foreach (var c in plate)
        {
            if (char.IsAsciiLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = Fold(c);
            }
        }

        return new string(buffer[..length]);
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
