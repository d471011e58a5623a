using System.Globalization;

namespace EdgeIngest.Clips;

/// <summary>
/// The segment files an earlier process left in a camera's folder (a crash leaves them: the ring
/// lives in /dev/shm, which survives a process but not a reboot), with the wall-clock spans they
/// can be trusted for. Read before the recorder starts, because its start clears the folder.
/// Times follow the recorder's own rule (<see cref="SegmentTiming"/>): a segment ends at its
/// file's last write and starts where the previous segment of the same run (<c>rNNNNN-</c>)
/// ended. The oldest file of a run has no predecessor left, so its start is estimated as one
/// segment length before its end. The file ffmpeg was writing when it died is included: an
/// MPEG-TS file is readable up to its last whole packet, and its last write is where it ends.
/// </summary>
public static class LeftoverSegments
{
    private const string SegmentPattern = "*.ts";

    /// <summary>The non-empty segment files in <paramref name="directory"/>, oldest first; empty when the folder is gone.</summary>
    public static IReadOnlyList<Segment> Read(string directory, double segmentSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segmentSeconds);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var estimatedLength = TimeSpan.FromSeconds(segmentSeconds);
        var segments = new List<Segment>();
        var files = Directory.EnumerateFiles(directory, SegmentPattern)
            .Select(path => new FileInfo(path))
            .Where(file => file.Exists && file.Length > 0)
            .OrderBy(file => file.Name, StringComparer.Ordinal);
        (string Run, long Number, DateTimeOffset EndsAt)? previous = null;
        foreach (var file in files)
        {
            var (run, number) = RunAndNumber(file.Name);
            var endsAt = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
            var follows = previous is { } p && p.Run == run && p.Number == number - 1 && p.EndsAt < endsAt;
            var startsAt = follows ? previous!.Value.EndsAt : endsAt - estimatedLength;
            segments.Add(new Segment(file.FullName, startsAt, endsAt, file.Length));
            previous = (run, number, endsAt);
        }

        return [.. segments.OrderBy(segment => segment.StartsAt)];
    }

    /// <summary>"r00003-000042.ts" → ("r00003", 42); a name of another shape gets no number (and never follows another).</summary>
    private static (string Run, long Number) RunAndNumber(string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var dash = stem.LastIndexOf('-');
        return dash > 0 && long.TryParse(stem.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (stem[..dash], number)
            : (stem, long.MinValue);
    }
}
