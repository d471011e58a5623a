using System.Globalization;
using EdgeIngest.Agreements;
using EdgeIngest.Cameras;
using EdgeIngest.Configuration;
using EdgeIngest.Hotlists;

namespace EdgeIngest.WebConsole.Views;

/// <summary>The box's states and figures as a property owner would say them.</summary>
internal static class PlainWords
{
    public static string Cause(CameraFailureCause cause) => cause switch
    {
        CameraFailureCause.Unreachable => "camera unreachable (no answer at its address)",
        CameraFailureCause.Unauthorized => "unauthorized (the camera refused the user name or password)",
        CameraFailureCause.StreamNotFound => "stream not found (wrong path in the camera URL)",
        CameraFailureCause.Stalled => "stalled (the camera stopped sending frames)",
        CameraFailureCause.ProbeTimedOut => "no answer in time while connecting",
        CameraFailureCause.UnsupportedCodec => "the camera's video format is not supported",
        CameraFailureCause.StreamEnded => "the stream ended",
        _ => "failed",
    };

    public static string State(CameraState state) => state switch
    {
        CameraState.Streaming => "streaming",
        CameraState.Connecting => "connecting",
        CameraState.Failed => "failed, retrying",
        _ => "stopped",
    };

    public static string Age(TimeSpan age) =>
        age < TimeSpan.Zero ? "just now"
        : age.TotalSeconds < 90 ? $"{age.TotalSeconds:0} s ago"
        : age.TotalMinutes < 90 ? $"{age.TotalMinutes:0} min ago"
        : age.TotalHours < 48 ? $"{age.TotalHours:0} h ago"
        : $"{age.TotalDays:0} days ago";

    public static string Bytes(long bytes) =>
        bytes < 0 ? "unknown"
        : bytes < 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB")
        : bytes < 1024L * 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.#} GB");

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Policy(SharingPolicy policy) => policy == SharingPolicy.AllReads
        ? "Every plate read is sent to the agency, hits included."
        : "Only hits are sent: a plate on the agency's hotlist, in a category the rules allow. Every other read stays on this box.";

    public static string Retention(RetentionDays days) =>
        $"Reads are kept on this box for {Days(days.Reads)}, hits for {Days(days.Hits)}, snapshots and clips for {Days(days.Evidence)}; then they are deleted.";

    public static string Category(string category) => category.Replace('_', ' ');

    /// <summary>A moment to the second (a hit or read), where <see cref="Time"/> gives minutes.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string MatchKind(MatchKind kind) => kind switch
    {
        Hotlists.MatchKind.Exact => "exact",
        Hotlists.MatchKind.LookAlike => "look-alike (characters the camera can confuse)",
        Hotlists.MatchKind.Wildcard => "partial plate on the list",
        _ => "other",
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
