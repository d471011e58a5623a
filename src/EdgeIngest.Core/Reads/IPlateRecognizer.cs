using EdgeIngest.Frames;

namespace EdgeIngest.Reads;

/// <summary>
/// Finds and reads the licence plates in one frame. Implementations own their native sessions
/// and buffers; one instance is used by one thread at a time.
/// </summary>
public interface IPlateRecognizer : IDisposable
{
    /// <summary>
    /// Reads the plates in <paramref name="image"/>. The returned list is owned by the recogniser
    /// and reused: it is valid until the next call, so a frame with no plate allocates nothing.
    /// </summary>
    IReadOnlyList<PlateRead> Recognize(BgrImage image);
}
