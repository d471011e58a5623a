using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Reads;

/// <summary>
/// When the greedy read of a band fits no layout of the configured regions, even with the
/// look-alike corrections <see cref="PlateLayouts"/> would make, looks down the recogniser's few
/// most probable readings (<see cref="CtcBeamSearch"/>) for one that fits a layout as it is and is
/// nearly as probable as the most probable one, and takes it. A read that fits (or will, corrected)
/// is kept as it is; without layouts (region <c>any</c>) nothing is searched.
/// </summary>
internal sealed class AlternativeReadings
{
    private static readonly bool Debug = Environment.GetEnvironmentVariable("ACC_DEBUG") is not null;
    private readonly PlateLayouts layouts;
    private readonly CtcBeamSearch search;
    private readonly float margin;
    private readonly float minLookAlike;
    private readonly int maxCorrections;

    /// <param name="layouts">The regions' layouts.</param>
    /// <param name="width">How many readings are searched.</param>
    /// <param name="margin">An alternative is taken only at this share of the most probable reading's probability or more.</param>
    /// <param name="maxLength">The longest read (the reader's text buffer).</param>
    /// <param name="minLookAlike">As the recogniser corrects with (<see cref="PlateRecognizerOptions.MinLookAlikeProbability"/>).</param>
    /// <param name="maxCorrections">As the recogniser corrects with (<see cref="PlateRecognizerOptions.MaxLookAlikeCorrections"/>).</param>
    public AlternativeReadings(PlateLayouts layouts, int width, float margin, int maxLength, float minLookAlike, int maxCorrections)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        this.layouts = layouts;
        search = new CtcBeamSearch(width, maxLength);
        this.margin = margin;
        this.minLookAlike = minLookAlike;
        this.maxCorrections = maxCorrections;
    }

    /// <summary>
    /// The read to keep of <paramref name="greedy"/> (whose text and look-alike probabilities are
    /// in <paramref name="text"/> and <paramref name="lookAlikes"/>): itself, or an alternative
    /// that fits a layout, written over it (its look-alike probabilities cleared: it needs no
    /// correction), with the greedy read's confidence.
    /// </summary>
    public CtcResult Choose(ReadOnlySpan<float> probabilities, int classes, RecognitionAlphabet alphabet, CtcResult greedy, Span<char> text, Span<float> lookAlikes)
    {
        if (Environment.GetEnvironmentVariable("ACC_ALL") is null && (layouts.Count == 0 || layouts.FitsCorrected(text[..greedy.Length], lookAlikes.Length >= greedy.Length ? lookAlikes[..greedy.Length] : [], minLookAlike, maxCorrections)))
        {
            return greedy;
        }

        var found = search.Search(probabilities, classes, alphabet);
        if (Debug)
        {
            var sb = new System.Text.StringBuilder($"ACC greedy {new string(text[..greedy.Length])} ({greedy.Confidence:0.000}):");
            for (var r = 0; r < found; r++)
            {
                sb.Append($" {new string(search.Reading(r))}={search.RelativeProbability(r):0.0000}{(layouts.Fits(search.Reading(r)) ? "*" : "")}");
            }

            Console.Error.WriteLine(sb.ToString());
        }

        for (var rank = 0; rank < found && search.RelativeProbability(rank) >= margin; rank++)
        {
            var reading = search.Reading(rank);
            if (reading.Length <= text.Length && layouts.Fits(reading))
            {
                reading.CopyTo(text);
                if (lookAlikes.Length >= reading.Length)
                {
                    lookAlikes[..reading.Length].Clear();
                }

                return new CtcResult(reading.Length, greedy.Confidence);
            }
        }

        return greedy;
    }
}
