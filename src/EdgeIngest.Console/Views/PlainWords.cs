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

    /// <summary>
    /// A moment in the box's own time zone, to the second, with the zone said (<c>2026-12-06 15:00:00 UTC+01:00</c>):
    /// what a footage request's window looks like on the owner's clock.
    /// </summary>
    public static string LocalInstant(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + Offset(local.Offset);
    }

    /// <summary>A window in the box's time: <c>2026-12-06 14:00:00 to 14:30:00 UTC</c> (the end's date and zone said again only when they differ).</summary>
    public static string LocalWindow(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var (start, end) = (TimeZoneInfo.ConvertTime(from, zone), TimeZoneInfo.ConvertTime(to, zone));
        var sameDay = start.Date == end.Date && start.Offset == end.Offset;
        return sameDay
            ? $"{start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} to {end.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {Offset(end.Offset)}"
            : $"{LocalInstant(from, zone)} to {LocalInstant(to, zone)}";
    }

    /// <summary>A length of video as a person says it: <c>45 s</c>, <c>30 min</c>, <c>1 h 30 min</c>.</summary>
    public static string Length(TimeSpan length)
    {
        var seconds = (long)Math.Round(length.TotalSeconds);
        var (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return seconds < 60 ? $"{seconds} s"
            : hours == 0 ? (rest == 0 ? $"{minutes} min" : $"{minutes} min {rest} s")
            : minutes == 0 ? $"{hours} h"
            : $"{hours} h {minutes} min";
    }

    /// <summary>How long until a moment, as in "expires in 6 days"; "now" once it has come.</summary>
    public static string Until(TimeSpan left) =>
        left <= TimeSpan.Zero ? "now"
        : left.TotalSeconds < 90 ? $"in {left.TotalSeconds:0} s"
        : left.TotalMinutes < 90 ? $"in {left.TotalMinutes:0} min"
        : left.TotalHours < 48 ? $"in {left.TotalHours:0} h"
        : $"in {left.TotalDays:0} days";

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
