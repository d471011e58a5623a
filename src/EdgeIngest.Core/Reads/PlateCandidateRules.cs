namespace EdgeIngest.Reads;

/// <summary>
/// What makes a read a plausible plate. Lengths count plate characters after cleaning. Requiring
/// a digit rejects words on signs and plate frames (worth about 2 points of accuracy on the eval
/// set); the geometry bounds reject boxes no plate line can have.
/// </summary>
public sealed record PlateCandidateRules
{
    public int MinLength { get; init; } = 4;

    public int MaxLength { get; init; } = 8;

    public bool RequireDigit { get; init; } = true;

    /// <summary>
    /// A read without a digit still counts when the recogniser is at least this sure of it: vanity
    /// plates (FZRULZ) have no digit, while the words the digit rule keeps out (a state name, a
    /// dealer's frame) come from bands the recogniser is less sure of, or are longer than a plate.
    /// Above 1, digitless reads are never plates.
    /// </summary>
    public float MinConfidenceWithoutDigit { get; init; } = 0.9f;

    /// <summary>Smallest text box height, in frame pixels, that can still be read.</summary>
    public int MinHeight { get; init; } = 8;

    /// <summary>Width/height bounds of a (margin-grown) single plate line.</summary>
    public float MinAspectRatio { get; init; } = 1.2f;

    public float MaxAspectRatio { get; init; } = 12f;

    /// <summary>
    /// A text box that touches the left or right edge of the frame is a plate the frame cuts
    /// off (a car entering or leaving): reading it gives a shorter, wrong plate, so skip it and
    /// read the plate a few frames later when it is whole.
    /// </summary>
    public bool RejectCutByFrameEdge { get; init; } = true;

    /// <summary>How near the edge (as a fraction of the frame width) counts as touching it.</summary>
    public float FrameEdgeMarginFraction { get; init; } = 0.02f;
}
