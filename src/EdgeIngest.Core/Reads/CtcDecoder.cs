using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Reads;

/// <summary>
/// Greedy CTC decoding: the most probable class at each time step, repeats collapsed, blanks
/// dropped, over the recogniser's full alphabet; then only plate characters are kept, and only
/// those the recogniser is reasonably sure of.
/// </summary>
public static class CtcDecoder
{
    /// <summary>
    /// A character won with less probability than this is dropped. The emblems, bolts and
    /// separators between a plate's character groups come out as characters the recogniser
    /// barely believes (0.1–0.3), while real characters, even misread ones, win with 0.6 or more.
    /// Dropping never invents a character; it can only shorten a read, and a too-short read then
    /// fails the plate rules.
    /// </summary>
    public const float MinCharacterProbability = 0.3f;

    /// <param name="probabilities">Row-major [steps, classes] probabilities (the model ends in softmax).</param>
    /// <param name="classes">Classes per step.</param>
    /// <param name="alphabet">Meaning of each class.</param>
    /// <param name="text">Receives the plate characters; at most its length are written.</param>
    public static CtcResult Decode(ReadOnlySpan<float> probabilities, int classes, RecognitionAlphabet alphabet, Span<char> text) =>
        Decode(probabilities, classes, alphabet, text, []);

    /// <param name="probabilities">Row-major [steps, classes] probabilities (the model ends in softmax).</param>
    /// <param name="classes">Classes per step.</param>
    /// <param name="alphabet">Meaning of each class.</param>
    /// <param name="text">Receives the plate characters; at most its length are written.</param>
    /// <param name="lookAlikes">
    /// When as long as <paramref name="text"/>: receives, for each character written, the highest
    /// probability its look-alike (<see cref="LookAlikes"/>: O for 0, 8 for B, ...) had over the
    /// steps the character won; 0 for a character without one. How unsure the recogniser was
    /// between the two, for <see cref="PlateLayouts"/>.
    /// </param>
    public static CtcResult Decode(ReadOnlySpan<float> probabilities, int classes, RecognitionAlphabet alphabet, Span<char> text, Span<float> lookAlikes)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        var steps = probabilities.Length / classes;
        var tracksLookAlikes = lookAlikes.Length >= text.Length;
        var previous = RecognitionAlphabet.Blank;
        var length = 0;
        var confidenceSum = 0f;
        var emitted = -1;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var (best, probability) = ArgMax(row);
            if (best != previous)
            {
                emitted = -1;
                if (best != RecognitionAlphabet.Blank && length < text.Length)
                {
                    var c = PlateCharacters.Normalize(alphabet[best]);
                    if (c != '\0' && probability >= MinCharacterProbability)
                    {
                        emitted = length;
                        text[length++] = c;
                        confidenceSum += probability;
                        if (tracksLookAlikes)
                        {
                            lookAlikes[emitted] = 0f;
                        }
                    }
                }
            }

            if (emitted >= 0 && tracksLookAlikes)
            {
                lookAlikes[emitted] = Math.Max(lookAlikes[emitted], LookAlikeProbability(row, alphabet, text[emitted]));
            }

            previous = best;
        }

        return new CtcResult(length, length == 0 ? 0f : confidenceSum / length);
    }

    private static float LookAlikeProbability(ReadOnlySpan<float> row, RecognitionAlphabet alphabet, char c)
    {
        var other = char.IsAsciiDigit(c) ? LookAlikes.ToLetter(c) : LookAlikes.ToDigit(c);
        var otherClass = other == '\0' ? RecognitionAlphabet.Blank : alphabet.ClassOf(other);
        return otherClass == RecognitionAlphabet.Blank ? 0f : row[otherClass];
    }

    private static (int Index, float Value) ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        var value = row[0];
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] > value)
            {
                value = row[i];
                best = i;
            }
        }

        return (best, value);
    }
}
