namespace EdgeIngest.Reads;

/// <summary>
/// Which recognised characters belong in a plate: A–Z and 0–9, lower case and full-width forms
/// folded to them. Everything else the general-purpose recogniser can emit (Chinese, punctuation,
/// the space) is dropped after decoding, which reads better than forbidding it in the decoder.
/// </summary>
public static class PlateCharacters
{
    /// <summary>The plate character for <paramref name="c"/>, or <c>'\0'</c> when it is none.</summary>
    public static char Normalize(char c)
    {
        if (c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
        {
            return c;
        }

        if (c is >= 'a' and <= 'z')
        {
            return (char)(c - 'a' + 'A');
        }

        // Full-width forms (U+FF10.., U+FF21.., U+FF41..) appear in the Chinese keys.
        if (c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A')
        {
            return Normalize((char)(c - 0xFEE0));
        }

        return '\0';
    }
}
