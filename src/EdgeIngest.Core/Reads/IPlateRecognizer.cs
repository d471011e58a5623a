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

    /// <summary>
    /// Reads the plates in <paramref name="image"/> except those standing where a box of
    /// <paramref name="notToRead"/> is (parked vehicles): such a plate is found but not read, and
    /// <paramref name="seenUnread"/>[i] says whether one was found at box i.
    /// </summary>
    IReadOnlyList<PlateRead> Recognize(BgrImage image, ReadOnlySpan<PlateBox> notToRead, Span<bool> seenUnread);
}
