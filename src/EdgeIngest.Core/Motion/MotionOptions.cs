namespace EdgeIngest.Motion;

/// <summary>
/// When a camera's frame is worth the plate reader's time (see <see cref="MotionGate"/>). The
/// defaults suit a fixed parking-lot or gate camera at 720p–1080p; they are explained where they
/// are declared.
/// </summary>
public sealed class MotionOptions
{
    /// <summary>Off: every frame is read, as before the gate existed (for a camera that never sees a still scene).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Grey levels (0–255) a sampled cell must change by to count as changed. H.264 noise on a
    /// still scene moves single pixels by 2–6 levels; a car against asphalt or a shadow edge moves
    /// them by 30 or more, so 12 ignores the first with room to spare and still sees a dark car on
    /// a dark road.
    /// </summary>
    public int LumaThreshold { get; set; } = 12;

    /// <summary>
    /// The share of the zone's cells that must change for a frame to be read. 0.5 % of a whole
    /// 720p frame is 72 cells of 8×8 pixels, about a 100×50-pixel patch: smaller than any car
    /// whose plate is large enough to read, larger than rain specks, a moth or a swaying twig.
    /// </summary>
    public double ChangedFraction { get; set; } = 0.005;

    /// <summary>
    /// A frame is read at least this often (capture time) however still the scene: a car that
    /// stopped in view is still read, and slow lighting drift (clouds, dusk, headlights fading in)
    /// becomes the new reference instead of piling up until it looks like motion. 2 s costs one
    /// read in ten at 5 fps.
    /// </summary>
    public double KeepAliveSeconds { get; set; } = 2;
}
