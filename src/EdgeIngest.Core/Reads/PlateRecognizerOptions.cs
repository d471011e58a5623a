using EdgeIngest.Installation;
using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Reads;

/// <summary>
/// Everything <see cref="PaddleOcrPlateRecognizer.Create"/> needs; every property has a working
/// default (models under <see cref="InstallLayout.ModelsDirectory"/>), so
/// <c>PaddleOcrPlateRecognizer.Create(new PlateRecognizerOptions())</c> is enough.
/// </summary>
public sealed record PlateRecognizerOptions
{
    public const string DetectorModelFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognizerModelFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string KeysFile = "ppocr_keys_v1.txt";
    public const string PlateDetectorModelFile = "plate-detector.onnx";
    public const string PlateRecognizerModelFile = "plate-recognizer.onnx";
    public const string PlateKeysFile = "plate-recognizer-keys.txt";

    public string DetectorModelPath { get; init; } = Path.Combine(InstallLayout.ModelsDirectory, DetectorModelFile);

    public string RecognizerModelPath { get; init; } = Path.Combine(InstallLayout.ModelsDirectory, RecognizerModelFile);

    public string KeysPath { get; init; } = Path.Combine(InstallLayout.ModelsDirectory, KeysFile);

    public string PlateDetectorModelPath { get; init; } = Path.Combine(InstallLayout.ModelsDirectory, PlateDetectorModelFile);

    public string PlateRecognizerModelPath { get; init; } = Path.Combine(InstallLayout.ModelsDirectory, PlateRecognizerModelFile);

    public string PlateKeysPath { get; init; } = Path.Combine(InstallLayout.ModelsDirectory, PlateKeysFile);

    /// <summary>
    /// Which recogniser reads the character band: the project's plate recogniser (the default; its
    /// model card, training/plate-recognizer/README.md, compares it with the published one) or
    /// PP-OCRv4's general text recogniser.
    /// </summary>
    public PlateReader Reader { get; init; } = PlateReader.Plate;

    /// <summary>The recogniser model and keys file <see cref="Reader"/> selects.</summary>
    public (string Model, string Keys) ReaderFiles =>
        Reader == PlateReader.Plate ? (PlateRecognizerModelPath, PlateKeysPath) : (RecognizerModelPath, KeysPath);

    /// <summary>
    /// Which model finds the plate candidates; the text detector then refines each one
    /// (<see cref="RefineCharacterBand"/>). The plate detector is the default: on the US eval set it
    /// finds 98.6 % of plates against the text detector's 97.3 %, reads as many, in about a third of the time.
    /// </summary>
    public PlateFinder Finder { get; init; } = PlateFinder.Plate;

    /// <summary>A plate detector heatmap peak below this is not a plate (the threshold its validation figures use).</summary>
    public float PlateDetectorThreshold { get; init; } = 0.3f;

    /// <summary>Threads per inference. Each session gets this many; they run one after the other.</summary>
    public int IntraOpThreads { get; init; } = 2;

    /// <summary>
    /// The detector sees the frame scaled so its longer side is this many pixels. On the eval set
    /// 960 finds 97 % of plates and 640 only 86 %; cost grows with the square.
    /// </summary>
    public int DetectorLongSide { get; init; } = 960;

    /// <summary>A map pixel above this probability is text (DB's binarisation threshold).</summary>
    public float DetectorProbabilityThreshold { get; init; } = 0.3f;

    /// <summary>A text component whose pixels' mean probability is below this is dropped.</summary>
    public float DetectorBoxThreshold { get; init; } = 0.6f;

    /// <summary>How far boxes grow back from the shrunken text kernels the detector predicts.</summary>
    public float UnclipRatio { get; init; } = 1.5f;

    /// <summary>At most this many text boxes are kept from one frame.</summary>
    public int MaxTextRegions { get; init; } = 64;

    /// <summary>At most this many boxes (largest first) are recognised per frame: each costs a recogniser run.</summary>
    public int MaxRecognitionsPerFrame { get; init; } = 8;

    /// <summary>
    /// Before reading a candidate, look at it again close up and read only its character band
    /// (<see cref="CharacterBandRefiner"/>): state names, slogans and frame text stay out of the read.
    /// </summary>
    public bool RefineCharacterBand { get; init; } = true;

    /// <summary>
    /// A plate detector candidate in which the refiner finds no character band (or only a fragment
    /// no plate line can be) is still read, as a whole plate, when the detector is at least this
    /// sure of it: small, dim or blurred plates the text detector cannot resolve. Less sure
    /// candidates without a band are mostly grilles, signs and lamps, and skipping them saves a
    /// recognition. 0.4 was chosen on the hand-labelled validation set: one dim plate more than
    /// at 0.5 (49 of 69 against 48); 0.3 reads 49 too, with one wrong read more and a slower median
    /// (49 ms against 42: more candidates read). Above 1: never.
    /// </summary>
    public float ReadWithoutBandMinScore { get; init; } = 0.4f;

    /// <summary>
    /// A band read less sure than this is read twice more, framed looser and tighter
    /// (<see cref="BandFraming"/>), and the surest of the three reads is kept. Confident reads, most
    /// reads of a clear plate, cost nothing more. 0: never.
    /// </summary>
    public float ReframeBelowConfidence { get; init; } = 0.95f;

    /// <summary>
    /// Whose plate layouts a frame's reads are corrected against and ranked by (<see cref="PlateLayouts"/>):
    /// region codes with a template file in <see cref="RegionsDirectory"/>, or just
    /// <see cref="PlateRegions.Any"/> for none.
    /// </summary>
    public IReadOnlyList<string> Regions { get; init; } = [PlateRegions.Default];

    /// <summary>
    /// A read is corrected to a layout of <see cref="Regions"/> only when at most this many of its
    /// characters change (<see cref="PlateLayouts.Correct(System.Span{char}, int)"/>): a plate of
    /// another region or a vanity plate can often be bent into a layout with three changes, a real
    /// misread rarely needs more than two. Chosen on the hand-labelled validation set (models/README.md,
    /// "Region templates"), before <see cref="MinLookAlikeProbability"/> existed: its Romanian plates
    /// read 8 of 9 with 2 (one plate needs two changes, B7958Z → B79SBZ) against 7 with 1; its UK
    /// plates 12 of 15 with 1, 2 or no limit; the whole set, mostly European plates read with US
    /// layouts, 52 with 1, 49 with 2, 48 with no limit.
    /// </summary>
    public int MaxLookAlikeCorrections { get; init; } = 2;

    /// <summary>
    /// A character is corrected to its look-alike only where the recogniser gave the look-alike at
    /// least this probability while reading it (<see cref="CtcDecoder"/>): where it was unsure
    /// between the two. 0: wherever a layout asks for it. Chosen on the validation set
    /// (models/README.md, "Region templates"): Romanian plates (ro) / UK plates (uk) / the whole
    /// set read with US layouts read 8 / 12 / 49 with 0, 8 / 12 / 53 with 0.001 and 0.01,
    /// 7 / 12 / 55 with 0.05, 7 / 11 / 54 with 0.2.
    /// </summary>
    public float MinLookAlikeProbability { get; init; } = 0.05f;

    /// <summary>
    /// A read carries at most this many of the recogniser's runner-up readings
    /// (<see cref="PlateRead.Alternatives"/>, at most <see cref="ReadAlternatives.Capacity"/>), for
    /// hotlist matching to try after the read. 0: none, and no search for them. Chosen with
    /// <see cref="MinAlternativeShare"/>: three readings add one validation plate only at a share
    /// of 0.05 or less, where the set's reads carry 49 alternatives instead of 29.
    /// </summary>
    public int MaxReadAlternatives { get; init; } = 2;

    /// <summary>
    /// A runner-up reading is carried only when its probability is at least this share of the most
    /// probable reading's (<see cref="CtcBeamSearch"/>). Chosen on the validation set with US
    /// layouts (models/README.md, "Region templates", "Top-N readings carried"): the right plate is
    /// the read or one of two alternatives for 59 of 69 plates at 0.02, 0.05 and 0.1, 57 at 0.2
    /// and 0.3 (exact reads 55 at each); 0.1 is the largest share on that plateau, so the fewest
    /// alternatives.
    /// </summary>
    public float MinAlternativeShare { get; init; } = 0.1f;

    /// <summary>Where the region template files are (<c>models/regions/</c>).</summary>
    public string RegionsDirectory { get; init; } = PlateRegions.DefaultDirectory;

    public PlateCandidateRules Candidates { get; init; } = new();
}
