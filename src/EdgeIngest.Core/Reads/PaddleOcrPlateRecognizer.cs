using System.Runtime.InteropServices;
using EdgeIngest.Frames;
using EdgeIngest.Interop.Onnx;
using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Reads;

/// <summary>
/// Reads plates in four steps: a finder proposes candidates (the project's plate detector, or
/// PP-OCRv4 text detection); from the largest plausible one down, the character-band refiner
/// looks again close up and finds the plate's characters (a plate the detector is sure of is read
/// whole where it finds none, or only a fragment); the recogniser (by default the project's
/// plate recogniser, PP-OCRv4 recognition fine-tuned on plates) reads that band from the
/// full-resolution frame (again across the plate's width when the band is narrow, twice more framed
/// looser and tighter when the read is uncertain, and the whole plate once more if the band reads
/// as no plate); a read is corrected to the region's plate layout it nearly fits (look-alike
/// letters and digits only, <see cref="PlateLayouts.Correct"/>); reads that look like plates and do
/// not overlap a better one are kept, ranked by whether they fit a layout of the region, then
/// largest first. Each carries the recogniser's runner-up readings of its band that come close to
/// the read's probability (<see cref="PlateRead.Alternatives"/>), for hotlist matching.
/// Tensors, box lists and text buffers are allocated at construction; once warm a frame
/// allocates nothing, with or without a plate: reads are values and their text comes from a
/// bounded cache, so only a text never seen before (a new plate) costs a string.
/// </summary>
public sealed class PaddleOcrPlateRecognizer : IPlateRecognizer
{
    // Far more distinct texts than a few cameras show in a minute, and only ~100 KB at most.
    private const int TextCacheCapacity = 1024;

    // A band narrower than this share of its plate candidate may have lost an end character. A
    // plate detector's box hugs the plate, and a US plate's characters span most of its width.
    private const float NarrowBandFraction = 0.85f;

    // How many readings the beam search keeps: the second attempt's width (models/README.md), where
    // the right plate of six wrong reads was among them.
    private const int SearchWidth = 8;

    private readonly IRegionFinder finder;
    private readonly TextLineReader reader;
    private readonly CharacterBandRefiner? refiner;
    private readonly PlateCandidateFilter filter;
    private readonly int maxRecognitions;
    private readonly PlateLayouts layouts;
    private readonly int maxCorrections;
    private readonly float minLookAlike;
    private readonly int longestStandard;
    private readonly float readWithoutBandMinScore;
    private readonly float reframeBelow;
    private readonly List<TextRegion> regions;
    private readonly List<PlateRead> reads;
    private readonly List<PlateBox> textBoxes;
    private readonly char[] text;
    private readonly char[] otherText;

    // Per character of text / otherText: how likely its look-alike was (CtcDecoder), for correction.
    private readonly float[] lookAlikes;
    private readonly float[] otherLookAlikes;

    // The runner-up readings of text / otherText, and text as read before correction.
    private readonly TopReadings readings;
    private readonly TopReadings otherReadings;
    private readonly char[] uncorrected;
    private readonly int maxAlternatives;
    private readonly PlateTextCache texts = new(TextCacheCapacity);

    private PaddleOcrPlateRecognizer(
        IRegionFinder finder, CharacterBandRefiner? refiner, TextLineReader reader, PlateLayouts layouts, PlateRecognizerOptions options)
    {
        this.finder = finder;
        this.refiner = refiner;
        this.reader = reader;
        this.layouts = layouts;
        maxCorrections = options.MaxLookAlikeCorrections;
        minLookAlike = options.MinLookAlikeProbability;

        // A region whose plates are longer than the generic rules allow (India's, up to 11) must
        // not have its standard plates dropped as implausible.
        var rules = options.Candidates.MaxLength >= layouts.Longest ? options.Candidates : options.Candidates with { MaxLength = layouts.Longest };
        filter = new PlateCandidateFilter(rules);
        maxRecognitions = options.MaxRecognitionsPerFrame;
        longestStandard = PlateFormats.LongestStandard(layouts, rules);
        readWithoutBandMinScore = options.ReadWithoutBandMinScore;
        reframeBelow = options.ReframeBelowConfidence;
        regions = new List<TextRegion>(options.MaxTextRegions);
        textBoxes = new List<PlateBox>(options.MaxTextRegions);
        reads = new List<PlateRead>(options.MaxRecognitionsPerFrame);

        // Longer than any plausible plate so an over-long line is seen as such, not truncated.
        text = new char[rules.MaxLength + 1];
        otherText = new char[text.Length];
        lookAlikes = new float[text.Length];
        otherLookAlikes = new float[text.Length];
        uncorrected = new char[text.Length];

        // The read and its uncorrected text may be among the readings too: room for them as well.
        maxAlternatives = options.MaxReadAlternatives;
        readings = new TopReadings(maxAlternatives + 2, text.Length);
        otherReadings = new TopReadings(maxAlternatives + 2, text.Length);
    }

    /// <summary>
    /// Every text box the detector found in the last frame, before any plausibility filtering;
    /// for evaluation (detection recall). Valid until the next call.
    /// </summary>
    public IReadOnlyList<PlateBox> LastTextBoxes => textBoxes;

    /// <summary>How many recogniser runs the last frame took; for benchmarks that separate model time from the rest.</summary>
    internal int LastRecognitions { get; private set; }

    /// <summary>How many character-band refinements (refiner model runs) the last frame took; likewise for benchmarks.</summary>
    internal int LastRefinements { get; private set; }

    /// <summary>Whether candidates come from the plate detector (the default) rather than the text detector.</summary>
    internal bool FindsPlates => finder is PlateDetector;

    /// <summary>
    /// Loads and checks both models, the keys file and the regions' plate layouts. Fails with
    /// <see cref="FileNotFoundException"/> naming a missing file, <see cref="ModelContractException"/>
    /// naming a file that is not the model its stage expects, or <see cref="RegionTemplateException"/>
    /// naming a region template file that is missing or does not parse (file, line, problem).
    /// </summary>
    public static PaddleOcrPlateRecognizer Create(PlateRecognizerOptions? options = null)
    {
        options ??= new PlateRecognizerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DetectorLongSide, 32, nameof(options.DetectorLongSide));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxReadAlternatives, nameof(options.MaxReadAlternatives));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxReadAlternatives, ReadAlternatives.Capacity, nameof(options.MaxReadAlternatives));
        if (!(options.MinAlternativeShare is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MinAlternativeShare, $"{nameof(options.MinAlternativeShare)} must be above 0 and at most 1 (a share of the best reading's probability)");
        }

        RequireFile(options.DetectorModelPath, "detector model");
        var (readerModel, readerKeys) = options.ReaderFiles;
        RequireFile(readerModel, options.Reader == PlateReader.Plate ? "plate recognizer model" : "recognizer model");
        if (options.Finder == PlateFinder.Plate)
        {
            RequireFile(options.PlateDetectorModelPath, "plate detector model");
        }

        var layouts = PlateRegions.Load(options.RegionsDirectory, options.Regions);
        var alphabet = RecognitionAlphabet.Load(readerKeys);
        var sessionOptions = new InferenceSessionOptions { IntraOpThreads = options.IntraOpThreads };
        var owned = new List<IDisposable>(3);
        IInferenceSession Open(string path)
        {
            var session = InferenceSessions.Open(path, sessionOptions);
            owned.Add(session);
            return session;
        }

        try
        {
            IRegionFinder finder = options.Finder == PlateFinder.Plate
                ? new PlateDetector(Open(options.PlateDetectorModelPath), options.PlateDetectorThreshold)
                : new TextDetector(Open(options.DetectorModelPath), options);
            var refiner = options.RefineCharacterBand ? new CharacterBandRefiner(Open(options.DetectorModelPath), options) : null;
            // The beams hold a read as long as the recogniser's text buffer (see the constructor).
            var longest = Math.Max(options.Candidates.MaxLength, layouts.Longest) + 1;
            var search = options.MaxReadAlternatives > 0 ? new CtcBeamSearch(SearchWidth, longest) : null;
            var reader = new TextLineReader(Open(readerModel), alphabet, readerKeys, search, options.MinAlternativeShare);
            return new PaddleOcrPlateRecognizer(finder, refiner, reader, layouts, options);
        }
        catch
        {
            foreach (var session in owned)
            {
                session.Dispose();
            }

            throw;
        }
    }

    public IReadOnlyList<PlateRead> Recognize(BgrImage image) => Recognize(image, default, default);

    public IReadOnlyList<PlateRead> Recognize(BgrImage image, ReadOnlySpan<PlateBox> notToRead, Span<bool> seenUnread)
    {
        ValidateImage(image);
        seenUnread.Clear();
        reads.Clear();
        regions.Clear();
        textBoxes.Clear();
        finder.Detect(image, regions);
        foreach (var region in regions)
        {
            textBoxes.Add(region.Box);
        }

        var candidates = CollectionsMarshal.AsSpan(regions);
        candidates.Sort(PlateCandidateFilter.LargestFirst);
        var recognitions = 0;
        var refinements = 0;

        // A text line must look like a plate line before it costs a refinement. A plate detector's
        // box is a whole plate, and a loose one (its aspect says little, and it may overshoot the
        // frame's edge when the plate does not): only the band it holds is judged.
        var wholePlates = FindsPlates;
        foreach (var candidate in candidates)
        {
            if (recognitions == maxRecognitions)
            {
                break;
            }

            // A parked vehicle's plate: found where it stands, so it is still there; not read again.
            if (StandingPlate.IndexOf(candidate.Box, notToRead) is var standing and >= 0)
            {
                if (standing < seenUnread.Length)
                {
                    seenUnread[standing] = true;
                }

                continue;
            }

            var worthRefining = wholePlates ? candidate.Box.Height >= filter.Rules.MinHeight : filter.IsPlausibleBox(candidate.Box, image.Width);
            if (!worthRefining || OverlapsAccepted(candidate.Box))
            {
                continue;
            }

            PlateBox? band = null;
            if (refiner is not null)
            {
                refinements++;
                band = refiner.Refine(image, candidate.Box);
            }

            if (wholePlates)
            {
                // A plate candidate in which the close look finds no text line (or only a fragment)
                // has nothing to read (a grille, a sign's frame, a headlight) unless the detector is
                // sure it is a plate: then it is a plate too small, dim or blurred for the text
                // detector, and is read whole.
                band = UsableBand(band, filter, image.Width);
                var readWhole = (refiner is null || candidate.Score >= readWithoutBandMinScore) && filter.IsWholeInFrame(candidate.Box, image.Width);
                if (band is null && !readWhole)
                {
                    continue;
                }
            }

            if (band is { } found && OverlapsAccepted(found))
            {
                continue;
            }

            recognitions++;
            var result = reader.Read(image, band ?? candidate.Box, text, lookAlikes, readings);
            if (wholePlates && band is { } narrow && narrow.Width < NarrowBandFraction * candidate.Box.Width && recognitions < maxRecognitions
                && !(result.Length >= longestStandard && filter.IsPlausibleText(text.AsSpan(0, result.Length), result.Confidence)))
            {
                result = Widen(image, narrow, candidate.Box, result, ref recognitions);
            }

            if (band is { } tight && result.Confidence < reframeBelow && recognitions + 2 <= maxRecognitions)
            {
                result = Reframe(image, tight, result, ref recognitions);
            }

            if (!filter.IsPlausibleText(text.AsSpan(0, result.Length), result.Confidence) && wholePlates && band is not null && recognitions < maxRecognitions)
            {
                // The band may have missed a group of characters the text detector split off
                // (a logo between groups, a faint first character): read the whole plate once.
                recognitions++;
                result = reader.Read(image, candidate.Box, text, lookAlikes, readings);
            }

            // Corrected in place, before the plausibility check: a digit read as its look-alike
            // letter in a digit position may be the plate's only digit.
            var read = text.AsSpan(0, result.Length);
            read.CopyTo(uncorrected);
            layouts.Correct(read, lookAlikes.AsSpan(0, result.Length), minLookAlike, maxCorrections);
            if (filter.IsPlausibleText(read, result.Confidence))
            {
                // The read keeps the finder's box: the whole plate (state name included) is what a
                // snapshot should show an investigator; the band was only what the recogniser read.
                var alternatives = AlternativesOf(read, uncorrected.AsSpan(0, result.Length), result.Confidence);
                reads.Add(new PlateRead(texts.Get(read), result.Confidence, candidate.Box, alternatives));
            }
        }

        LastRecognitions = recognitions;
        LastRefinements = refinements;
        RankByRegionalFit();

        return reads;
    }

    public void Dispose()
    {
        finder.Dispose();
        refiner?.Dispose();
        reader.Dispose();
    }

    private static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{what} file not found: {path}", path);
        }
    }

    private static void ValidateImage(BgrImage image)
    {
        if (image.Width <= 0 || image.Height <= 0 || image.Pixels.Length < (long)image.Stride * image.Height)
        {
            throw new ArgumentException(
                $"a {image.Width}x{image.Height} BGR image needs {(long)image.Stride * image.Height} bytes; {image.Pixels.Length} given", nameof(image));
        }
    }

    /// <summary>
    /// The refiner's band, or none when no plate line can have it (a blob of a few pixels, one
    /// character's worth): that is a fragment of a plate the text detector could not resolve, as
    /// on a dim, blurred plate at night, and counting it as no band lets a sure plate be read whole.
    /// </summary>
    internal static PlateBox? UsableBand(PlateBox? band, PlateCandidateFilter filter, int frameWidth) =>
        band is { } found && filter.IsPlausibleBox(found, frameWidth) ? found : null;

    /// <summary>
    /// Reads the band's rows again across the plate's whole width, for a band narrower than its
    /// plate: the text detector often leaves a plate's first or last character out of the band (a
    /// lone character beside a gap, a sticker or a bolt, or against the frame), or finds only one
    /// group of characters. The wider read must hold the band's read; if the band's read was a
    /// plate already, it may add only one character at either end or both, so a group of dealer or
    /// sticker text beside the plate leaves the read as it was. A band that already reads as long
    /// as the region's longest standard plate is not widened (the caller checks).
    /// Returns the read kept, whose text is in <see cref="text"/>.
    /// </summary>
    private CtcResult Widen(BgrImage image, PlateBox band, PlateBox plate, CtcResult result, ref int recognitions)
    {
        recognitions++;
        var widened = reader.Read(image, AcrossPlate(band, plate), otherText, otherLookAlikes, otherReadings);
        var read = text.AsSpan(0, result.Length);
        var wideRead = otherText.AsSpan(0, widened.Length);
        var at = wideRead.IndexOf(read);
        var completes = !filter.IsPlausibleText(read, result.Confidence) || (at <= 1 && wideRead.Length - at - read.Length <= 1);
        if (wideRead.Length > read.Length && at >= 0 && completes && filter.IsPlausibleText(wideRead, widened.Confidence))
        {
            wideRead.CopyTo(text);
            otherLookAlikes.AsSpan(0, widened.Length).CopyTo(lookAlikes);
            readings.CopyFrom(otherReadings);
            return widened;
        }

        return result;
    }

    /// <summary>
    /// Reads an uncertain band twice more, framed looser and tighter (<see cref="BandFraming"/>),
    /// and keeps the surest plausible read of the three. A different framing moves the characters
    /// in the recogniser's input, and the framing it reads most surely is most often the right one
    /// (chosen on the hand-labelled validation set, training/plate-recognizer/validation_set.py).
    /// Returns the read kept, whose text is in <see cref="text"/>.
    /// </summary>
    private CtcResult Reframe(BgrImage image, PlateBox band, CtcResult result, ref int recognitions)
    {
        for (var framing = 0; framing < 2; framing++)
        {
            var box = framing == 0
                ? BandFraming.Looser(band, image.Width, image.Height)
                : BandFraming.Tighter(band, image.Width, image.Height);
            recognitions++;
            var again = reader.Read(image, box, otherText, otherLookAlikes, otherReadings);
            var read = otherText.AsSpan(0, again.Length);
            if (again.Confidence > result.Confidence && filter.IsPlausibleText(read, again.Confidence))
            {
                read.CopyTo(text);
                otherLookAlikes.AsSpan(0, again.Length).CopyTo(lookAlikes);
                readings.CopyFrom(otherReadings);
                result = again;
            }
        }

        return result;
    }

    /// <summary>
    /// The runner-up readings a read carries: the band's most probable readings (in
    /// <see cref="readings"/>, those close enough to the best) other than the read as reported and
    /// as read before correction, that could be plates by the same rules, most probable first.
    /// Kept as the recogniser read them (not corrected to a layout): hotlist matching folds
    /// look-alikes itself. Their strings come from the text cache.
    /// </summary>
    private ReadAlternatives AlternativesOf(ReadOnlySpan<char> read, ReadOnlySpan<char> asRead, float confidence)
    {
        var alternatives = default(ReadAlternatives);
        for (var rank = 0; rank < readings.Count && alternatives.Count < maxAlternatives; rank++)
        {
            var reading = readings.Reading(rank);
            if (!reading.SequenceEqual(read) && !reading.SequenceEqual(asRead) && filter.IsPlausibleText(reading, confidence))
            {
                alternatives = alternatives.With(texts.Get(reading));
            }
        }

        return alternatives;
    }

    /// <summary>
    /// Stable insertion sort (a frame has a handful of reads, and it must not allocate): reads that
    /// fit a layout of the region first, each group still largest first as recognised.
    /// </summary>
    private void RankByRegionalFit()
    {
        var span = CollectionsMarshal.AsSpan(reads);
        for (var i = 1; i < span.Length; i++)
        {
            var current = span[i];
            var fit = PlateFormats.Fit(current.Text, layouts);
            var j = i - 1;
            while (j >= 0 && PlateFormats.Fit(span[j].Text, layouts) < fit)
            {
                span[j + 1] = span[j];
                j--;
            }

            span[j + 1] = current;
        }
    }

    /// <summary>The band's rows across the plate candidate's columns (and the band's, where it pokes out).</summary>
    private static PlateBox AcrossPlate(PlateBox band, PlateBox plate)
    {
        var left = Math.Min(band.X, plate.X);
        return new PlateBox(left, band.Y, Math.Max(band.Right, plate.Right) - left, band.Height);
    }

    private bool OverlapsAccepted(PlateBox box)
    {
        foreach (var read in reads)
        {
            if (PlateCandidateFilter.Overlap(read.Box, box))
            {
                return true;
            }
        }

        return false;
    }
}
