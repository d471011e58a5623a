using EdgeIngest.Frames;

namespace EdgeIngest.Reads;

/// <summary>
/// The first stage of reading: where in the frame plates may be. Either the text detector (any
/// text line) or the plate detector (whole plates only); the recogniser does not care which.
/// </summary>
internal interface IRegionFinder : IDisposable
{
    /// <summary>Appends the candidate regions of <paramref name="image"/>, in frame pixels, to <paramref name="regions"/>.</summary>
    void Detect(BgrImage image, List<TextRegion> regions);
}
