using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

/// <summary>The readings a read carries as alternatives come from this search: the most probable first, summed over alignments.</summary>
public sealed class CtcBeamSearchTests
{
    // Classes: 0 blank, 1 'K', 2 'X', 3 'P', 4 '5', 5 '-', 6 space.
    private static readonly RecognitionAlphabet Alphabet = RecognitionAlphabet.FromKeys("KXP5-");

    [Fact]
    public void A_Character_The_Recogniser_Was_Torn_On_Gives_The_Runner_Up_Reading_With_Its_Share()
    {
        // X 0.6 against K 0.4 at the first character; P and 5 sure.
        var probabilities = Rows([(2, 0.6f), (1, 0.4f)], [(0, 1f)], [(3, 1f)], [(0, 1f)], [(4, 1f)]);
        var search = new CtcBeamSearch(8, 8);

        var found = search.Search(probabilities, Alphabet.ClassCount, Alphabet);

        Assert.Equal(2, found);
        Assert.Equal(("XP5", "KP5"), (search.Reading(0).ToString(), search.Reading(1).ToString()));
        Assert.Equal(0.4 / 0.6, search.RelativeProbability(1), 3);
        Assert.True(CtcBeamSearch.MayHaveRunnerUp(probabilities, Alphabet.ClassCount, 0.5));
        Assert.False(CtcBeamSearch.MayHaveRunnerUp(probabilities, Alphabet.ClassCount, 0.7));
    }

    [Fact]
    public void A_Reading_Is_Summed_Over_Its_Alignments_And_Non_Plate_Classes_Count_As_Blank()
    {
        // K held over two steps (or K, blank): one reading "K5"; a '-' step reads as nothing.
        var probabilities = Rows([(1, 0.9f), (0, 0.1f)], [(1, 0.5f), (0, 0.5f)], [(5, 1f)], [(4, 1f)]);
        var search = new CtcBeamSearch(4, 8);

        search.Search(probabilities, Alphabet.ClassCount, Alphabet);

        Assert.Equal("K5", search.Reading(0).ToString());
        Assert.Equal(1, search.RelativeProbability(0), 6);
    }

    [Fact]
    public void A_Plate_Read_Surely_At_Every_Step_Needs_No_Search()
    {
        var probabilities = Rows([(1, 0.999f), (2, 0.001f)], [(0, 1f)], [(3, 0.999f), (0, 0.001f)]);

        Assert.False(CtcBeamSearch.MayHaveRunnerUp(probabilities, Alphabet.ClassCount, 0.1));
    }

    /// <summary>One row per step, each with the classes given (the rest 0).</summary>
    private static float[] Rows(params (int Class, float P)[][] steps)
    {
        var classes = Alphabet.ClassCount;
        var rows = new float[steps.Length * classes];
        for (var t = 0; t < steps.Length; t++)
        {
            foreach (var (c, p) in steps[t])
            {
                rows[(t * classes) + c] = p;
            }
        }

        return rows;
    }
}
