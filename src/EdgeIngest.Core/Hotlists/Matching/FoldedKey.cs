namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// A normalised plate with its look-alikes folded (<see cref="LookAlikeClasses"/>), packed five
/// bits a character into one number: "7A8C123" and "7ABC1Z3" have the same key. Keys are compared
/// and hashed as integers, so the index holds no key strings, and a read's variants (one character
/// dropped or inserted) are computed arithmetically on the stack. Codes start at 1, so different
/// lengths never collide and 0 is never a key.
/// </summary>
internal static class FoldedKey
{
    /// <summary>The longest plate a key holds: 12 × 5 bits.</summary>
    public const int MaxLength = 12;

    public const int BitsPerCharacter = 5;

    /// <summary>The key of <paramref name="plate"/> (normalised, 1 to <see cref="MaxLength"/> characters).</summary>
    public static ulong Of(ReadOnlySpan<char> plate)
    {
        ulong key = 0;
        foreach (var c in plate)
        {
            key = (key << BitsPerCharacter) | (uint)LookAlikeClasses.CodeOf(c);
        }

        return key;
    }

    /// <summary>The key of <paramref name="plate"/> without its character at <paramref name="position"/>.</summary>
    public static ulong WithoutCharacterAt(ReadOnlySpan<char> plate, int position) =>
        Join(Of(plate[..position]), Of(plate[(position + 1)..]), plate.Length - position - 1);

    /// <summary>The key of <paramref name="prefix"/>, then <paramref name="suffix"/> (of <paramref name="suffixLength"/> characters).</summary>
    public static ulong Join(ulong prefix, ulong suffix, int suffixLength) => (prefix << (BitsPerCharacter * suffixLength)) | suffix;
}
