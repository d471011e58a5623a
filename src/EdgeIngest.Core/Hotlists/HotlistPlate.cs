namespace EdgeIngest.Hotlists;

/// <summary>
/// A listed plate as the agency writes it, made comparable: upper case, spaces, '-' and '.'
/// dropped. <c>?</c> (one unknown character) and <c>*</c> (any run) are kept for wildcard entries
/// of partial plates; anything else that is not a letter or digit is refused rather than dropped,
/// so a typo never silently lists a different plate.
/// </summary>
public static class HotlistPlate
{
    /// <summary>Plates are at most this many characters (wildcards included).</summary>
    public const int MaxLength = 10;

    /// <summary>The plate in its listed form, or null with <paramref name="problem"/> saying why it cannot be listed.</summary>
    public static string? Normalize(string raw, out string? problem)
    {
        Span<char> buffer = stackalloc char[MaxLength + 1];
        var length = 0;
        var literals = 0;
        foreach (var c in raw)
        {
            if (c is ' ' or '-' or '.' or '\t')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('?' or '*'))
            {
                problem = $"plate '{raw.Trim()}' — '{c}' is not a letter or digit (? stands for one unknown character, * for several)";
                return null;
            }

            if (length == buffer.Length)
            {
                problem = $"plate '{raw.Trim()}' — longer than {MaxLength} characters";
                return null;
            }

            literals += char.IsAsciiLetterOrDigit(c) ? 1 : 0;
            buffer[length++] = char.ToUpperInvariant(c);
        }

        if (literals < 2)
        {
            problem = $"plate '{raw.Trim()}' — expected 2 to {MaxLength} letters or digits";
            return null;
        }

        problem = null;
        return new string(buffer[..length]);
    }
}
