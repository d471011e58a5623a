using EdgeIngest.Cameras;

namespace EdgeIngest.Clips;

/// <summary>Checks the clip settings up front, naming each setting as written in the configuration file.</summary>
public static class ClipOptionsValidator
{
    public static void Validate(ClipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require(options.SegmentSeconds is >= 0.5 and <= 30, "segment_seconds must be in [0.5, 30]");
        Require(options.RingMaxSeconds >= 2 * options.SegmentSeconds, "ring_max_seconds must hold at least two segments");
        Require(options.RingMaxBytes > 0, "ring_max_bytes must be positive");
        Require(options.PreRollSeconds >= 0, "pre_roll_seconds must not be negative");
        Require(options.PostRollSeconds >= 0, "post_roll_seconds must not be negative");
        Require(options.CutWaitSlackSeconds > 0, "cut_wait_slack_seconds must be positive");
        Require(options.CutTimeoutSeconds > 0, "cut_timeout_seconds must be positive");
        Require(options.ClipMaxBytes > 0, "clip_max_bytes must be positive");
        Require(options.ClipMaxAgeSeconds > 0, "clip_max_age_seconds must be positive");
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new CameraConfigurationException($"clips: {problem}");
        }
    }
}
