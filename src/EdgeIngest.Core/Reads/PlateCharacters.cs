namespace EdgeIngest.Reads;

/// <summary>
/// Which recognised characters belong in a plate: A–Z and 0–9, and their full-width forms.
/// Everything else the general-purpose recogniser can emit (Chinese, punctuation, the space) is
/// dropped after decoding, which reads better than forbidding it in the decoder. Lower case is
/// dropped too, not folded: plates are printed in capitals, so when the recogniser, which tells
/// case apart well, sees an "a" or an "r" it is looking at an emblem or a sticker between the
/// character groups, not at a plate character.
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

        // Full-width digits and capitals (U+FF10.., U+FF21..) appear in the Chinese keys.
        if (c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A')
        {
            return (char)(c - 0xFEE0);
        }

        return '\0';
    }
}
