namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// The characters a plate recogniser mistakes for one another, as disjoint classes, each folded
/// to one representative: 0/O/D/Q, 1/I/L/T, 2/Z, 5/S, 6/G, 8/B. These are the confusions of the
/// issue and of US plate fonts, where the glyphs differ by a serif, a gap or a closed curve.
/// Deliberately conservative: 4/A, 7/T, U/V, M/N, K/X are seen now and then but each class added
/// widens every look-alike match on a million-entry list, and a wrong hit sends an officer to
/// the wrong car. Another class is one more line in <see cref="RepresentativeOf"/>.
/// Folded plates use 26 symbols (10 digits, 16 letters that fold to themselves), coded 1–26 so a
/// folded plate of up to 12 characters packs into 60 bits (<see cref="FoldedKey"/>).
/// </summary>
internal static class LookAlikeClasses
{
    /// <summary>How many symbols a folded plate is written in.</summary>
    public const int Symbols = 26;

    private static readonly byte[] CodeOfCharacter = BuildCodes();

    /// <summary>The representative of <paramref name="c"/>'s class (an upper-case letter or digit); itself when it has no look-alike.</summary>
    public static char RepresentativeOf(char c) => c switch
    {
        'O' or 'D' or 'Q' => '0',
        'I' or 'L' or 'T' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        _ => c,
    };

    /// <summary>True when a recogniser could have read <paramref name="a"/> for <paramref name="b"/> (both upper-case letters or digits).</summary>
    public static bool AreLookAlikes(char a, char b) => RepresentativeOf(a) == RepresentativeOf(b);

    /// <summary>The folded symbol code (1–26) of an upper-case letter or digit.</summary>
    public static int CodeOf(char c) => CodeOfCharacter[c];

    private static byte[] BuildCodes()
    {
        var codes = new byte[128];
        var next = 1;
        foreach (var c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        {
            var representative = RepresentativeOf(c);
            if (representative == c)
            {
                codes[c] = (byte)next++;
            }
        }

        foreach (var c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        {
            codes[c] = codes[RepresentativeOf(c)];
        }

        return next - 1 == Symbols ? codes : throw new InvalidOperationException($"the look-alike classes leave {next - 1} symbols, expected {Symbols}");
    }
}
