namespace EdgeIngest.Configuration;

/// <summary>How plates are found and read.</summary>
public sealed class RecognitionConfig
{
    /// <summary>Folder holding the models; relative paths are resolved against the config file.</summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>Detection runs on the frame scaled so its longer side is this many pixels (multiple of 32).</summary>
    public int DetectorLongSide { get; set; } = 960;

    /// <summary>What finds plate candidates: "text" (PP-OCRv4 text detection) or "plate" (the project's plate detector).</summary>
    public string Finder { get; set; } = "plate";

    /// <summary>What reads the plate's characters: "plate" (the project's plate recogniser) or "text" (PP-OCRv4's general text recogniser).</summary>
    public string Reader { get; set; } = "plate";

    /// <summary>
    /// Whose plate layouts a frame's reads are corrected against and ranked by: a region with a
    /// template file in models/regions/ ("us", "br", "uk", ...; under <see cref="ModelsDirectory"/>
    /// when that folder has a regions/ of its own), a list of them, or "any" (none).
    /// </summary>
    public RegionList Region { get; set; } = new();

    /// <summary>ONNX Runtime intra-op threads per session.</summary>
    public int Threads { get; set; } = 2;

    /// <summary>
    /// Frames read at once, each by its own copy of the models running <see cref="Threads"/>
    /// threads. 1 (the default) reads one frame at a time for every camera.
    /// </summary>
    public int ParallelFrames { get; set; } = 1;

    /// <summary>
    /// A camera that waited for a recogniser reads the newest frame that queued meanwhile, not
    /// the one it held (which is dropped and counted as passed over).
    /// </summary>
    public bool ReadNewestFrame { get; set; } = true;

    /// <summary>A vehicle whose voted read stays below this confidence is not reported.</summary>
    public double MinConfidence { get; set; } = 0.6;

    /// <summary>The same plate on the same camera within this window is one pass, reported once.</summary>
    public double RepeatSuppressionSeconds { get; set; } = 30;
}
