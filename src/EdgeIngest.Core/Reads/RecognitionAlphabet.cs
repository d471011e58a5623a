namespace EdgeIngest.Reads;

/// <summary>
/// What each class of the recogniser's output means: class 0 is the CTC blank, classes
/// 1..N are the lines of the keys file (<c>ppocr_keys_v1.txt</c>, one character a line), and
/// class N+1 is a space. The full alphabet is decoded; plate characters are picked afterwards.
/// </summary>
public sealed class RecognitionAlphabet
{
    public const int Blank = 0;

    private readonly string characters;

    // Plate character (A-Z, 0-9) → its class, for looking up how likely a look-alike was.
    private readonly int[] plateClasses = new int[128];

    private RecognitionAlphabet(string characters)
    {
        this.characters = characters;
        for (var i = characters.Length - 1; i > Blank; i--)
        {
            // The ASCII form wins over a full-width one where the alphabet has both.
            var c = PlateCharacters.Normalize(characters[i]);
            if (c != '\0' && (plateClasses[c] == 0 || characters[i] == c))
            {
                plateClasses[c] = i;
            }
        }
    }

    /// <summary>Number of output classes: blank + keys + space.</summary>
    public int ClassCount => characters.Length;

    public static RecognitionAlphabet Load(string keysPath)
    {
        if (!File.Exists(keysPath))
        {
            throw new FileNotFoundException($"recognition keys file not found: {keysPath}", keysPath);
        }

        var lines = File.ReadAllLines(keysPath);
        var table = new char[lines.Length + 2];
        for (var i = 0; i < lines.Length; i++)
        {
            // Keys beyond the BMP would be two chars; none can be a plate character, so keep a placeholder.
            table[i + 1] = lines[i].Length == 1 ? lines[i][0] : '\uFFFD';
        }

        if (lines.Length == 0)
        {
            throw new InvalidDataException($"recognition keys file is empty: {keysPath}");
        }

        table[^1] = ' ';
        return new RecognitionAlphabet(new string(table));
    }

    /// <summary>An alphabet from the given keys; for tests and small models.</summary>
    public static RecognitionAlphabet FromKeys(string keys) => new("\0" + keys + " ");

    public char this[int classIndex] => characters[classIndex];

    /// <summary>The class of plate character <paramref name="c"/> (A–Z, 0–9), or <see cref="Blank"/> when the alphabet has none.</summary>
    public int ClassOf(char c) => c < plateClasses.Length ? plateClasses[c] : Blank;
}
