using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

public sealed class CtcDecoderTests
{
    // Classes: 0 blank, 1 'A', 2 'B', 3 '1', 4 '中', 5 'b', 6 '-', 7 space.
    private static readonly RecognitionAlphabet Alphabet = RecognitionAlphabet.FromKeys("AB1中b-");

    [Fact]
    public void Ctc_Decoder_Collapses_Repeats_And_Drops_Blanks()
    {
        var probabilities = Steps((1, 0.9f), (1, 0.8f), (0, 0.9f), (1, 0.7f), (2, 0.6f), (2, 0.9f), (0, 0.99f));

        var result = Decode(probabilities, out var text);

        Assert.Equal("AAB", text);
        Assert.Equal(3, result.Length);
    }

    [Fact]
    public void Ctc_Decoder_Drops_Non_Plate_Characters_Including_Lower_Case()
    {
        var probabilities = Steps((4, 0.9f), (3, 0.9f), (6, 0.9f), (5, 0.9f), (7, 0.9f), (1, 0.9f));

        Decode(probabilities, out var text);

        Assert.Equal("1A", text);
    }

    [Fact]
    public void Ctc_Decoder_Drops_Characters_The_Recogniser_Barely_Believes()
    {
        // An emblem between two groups read as 'B' with 0.2: dropped; a 0.6 'B' is kept.
        var probabilities = Steps((1, 0.9f), (2, 0.2f), (3, 0.9f), (0, 0.9f), (2, 0.6f));

        var result = Decode(probabilities, out var text);

        Assert.Equal("A1B", text);
        Assert.Equal((0.9f + 0.9f + 0.6f) / 3, result.Confidence, 5);
    }

    [Fact]
    public void Ctc_Confidence_Is_The_Mean_Winning_Probability_Of_Kept_Characters()
    {
        // The dropped '中' (0.2) must not pull the mean down; the repeat's second step is not counted.
        var probabilities = Steps((1, 0.9f), (1, 0.5f), (4, 0.2f), (2, 0.7f));

        var result = Decode(probabilities, out _);

        Assert.Equal((0.9f + 0.7f) / 2, result.Confidence, 5);
    }

    [Fact]
    public void Ctc_Decoder_Reports_Zero_Confidence_When_Nothing_Is_Kept()
    {
        var result = Decode(Steps((0, 0.9f), (4, 0.9f)), out var text);

        Assert.Equal(string.Empty, text);
        Assert.Equal(0f, result.Confidence);
    }

    [Fact]
    public void Ctc_Decoder_Stops_At_The_Text_Buffer_Length()
    {
        var probabilities = Steps((1, 0.9f), (2, 0.9f), (1, 0.9f), (2, 0.9f));
        var buffer = new char[3];

        var result = CtcDecoder.Decode(probabilities, Alphabet.ClassCount, Alphabet, buffer);

        Assert.Equal("ABA", new string(buffer, 0, result.Length));
    }

    [Fact]
    public void Ctc_Decoder_Reports_How_Likely_Each_Characters_Look_Alike_Was_Over_Its_Steps()
    {
        // Classes: 0 blank, 1 'O', 2 '0', 3 'B', 4 '8', 5 'X', 6 space.
        var alphabet = RecognitionAlphabet.FromKeys("O0B8X");
        float[] probabilities =
        [
            0.0f, 0.7f, 0.2f, 0.0f, 0.0f, 0.1f, 0.0f, // O, its look-alike 0 at 0.2
            0.0f, 0.6f, 0.35f, 0.0f, 0.0f, 0.05f, 0.0f, // still O (a repeat), 0 at 0.35
            0.9f, 0.0f, 0.0f, 0.0f, 0.0f, 0.1f, 0.0f, // blank
            0.0f, 0.0f, 0.0f, 0.99f, 0.01f, 0.0f, 0.0f, // B, 8 at 0.01
            0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f, // X: no look-alike
        ];
        var text = new char[8];
        var lookAlikes = new float[8];

        var result = CtcDecoder.Decode(probabilities, alphabet.ClassCount, alphabet, text, lookAlikes);

        Assert.Equal("OBX", new string(text, 0, result.Length));
        Assert.Equal([0.35f, 0.01f, 0f], lookAlikes.AsSpan(0, 3).ToArray());
    }

    [Theory]
    [InlineData('a', '\0')]
    [InlineData('Z', 'Z')]
    [InlineData('\uFF17', '7')]
    [InlineData('\uFF22', 'B')]
    [InlineData('\uFF42', '\0')]
    [InlineData('-', '\0')]
    [InlineData('京', '\0')]
    public void Plate_Characters_Are_Capitals_And_Digits_Full_Width_Folded(char recognised, char expected) =>
        Assert.Equal(expected, PlateCharacters.Normalize(recognised));

    private static CtcResult Decode(float[] probabilities, out string text)
    {
        var buffer = new char[16];
        var result = CtcDecoder.Decode(probabilities, Alphabet.ClassCount, Alphabet, buffer);
        text = new string(buffer, 0, result.Length);
        return result;
    }

    /// <summary>One row per step: the winning class gets <c>p</c>, the rest share what is left.</summary>
    private static float[] Steps(params (int Class, float P)[] steps)
    {
        var classes = Alphabet.ClassCount;
        var rows = new float[steps.Length * classes];
        for (var t = 0; t < steps.Length; t++)
        {
            var rest = (1 - steps[t].P) / (classes - 1);
            for (var c = 0; c < classes; c++)
            {
                rows[(t * classes) + c] = c == steps[t].Class ? steps[t].P : rest;
            }
        }

        return rows;
    }
}
