namespace EdgeIngest.Clips;

/// <summary>
/// How segments are recorded and kept, and how clips are cut and kept. One set for the
/// appliance; every camera gets its own ring under <see cref="SegmentRoot"/>. Durations are in
/// seconds so the YAML stays plain numbers.
/// </summary>
public sealed class ClipOptions
{
    /// <summary>
    /// Where each camera's segment ring lives (<c>{root}/{camera}</c>). Null: <c>/dev/shm/edgeingest</c>
    /// when /dev/shm exists (RAM: the ring is rewritten every few seconds and must not wear a flash disk),
    /// else a folder under the temp directory.
    /// </summary>
    public string? SegmentRoot { get; set; }

    /// <summary>Record segments and send a pre/post-roll clip with every hit; off saves RAM and bandwidth.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Target segment length; segments are cut at the first keyframe after it, so they follow the camera's GOP.</summary>
    public double SegmentSeconds { get; set; } = 2;

    /// <summary>A segment leaves the ring once it ended longer ago than this.</summary>
    public double RingMaxSeconds { get; set; } = 60;

    /// <summary>The ring's bytes never exceed this; the oldest segments go first.</summary>
    public long RingMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Video kept before the moment of a read.</summary>
    public double PreRollSeconds { get; set; } = 5;

    /// <summary>Video kept after the moment of a read (the cut waits for it to be recorded).</summary>
    public double PostRollSeconds { get; set; } = 10;

    /// <summary>
    /// How long past a clip's end the cut waits for the segment that holds it to be closed (a
    /// segment closes at the next keyframe after its length). When the camera is down the cut
    /// gives up after this and delivers what exists, marked as a truncated post-roll.
    /// </summary>
    public double CutWaitSlackSeconds { get; set; } = 8;

    /// <summary>How long one concat run of ffmpeg may take.</summary>
    public double CutTimeoutSeconds { get; set; } = 30;

    /// <summary>Where finished clips are written. Null: a folder under the temp directory.</summary>
    public string? ClipDirectory { get; set; }

    /// <summary>The clip folder never holds more than this; the oldest clips go first.</summary>
    public long ClipMaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Clips older than this are deleted (whoever sends them must have taken their bytes by then).</summary>
    public double ClipMaxAgeSeconds { get; set; } = 24 * 3600;
}
