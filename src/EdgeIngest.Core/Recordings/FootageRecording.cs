using EdgeIngest.Clips;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Recordings;

/// <summary>
/// The continuous recording on disk (docs/footage.md): each segment a camera's recorder closes is
/// copied, as recorded, from the RAM ring to <c>{root}/{camera}/{startUnixMs}-{endUnixMs}.ts</c>
/// (written as <c>.part</c>, flushed to disk, then renamed), indexed in memory, and purged oldest
/// first by age (skipping held windows) and by the disk budget (not skipping them). The index is
/// rebuilt from the folder names at start, so a restart loses at most the segment being written.
/// Thread-safe: recorders add, the purger purges, footage requests read and hold.
/// </summary>
public sealed class FootageRecording : IFootageRecording, IClosedSegmentSink
{
    /// <summary>A still for a moment in a gap (a restart, a camera outage) comes from a segment at most this far away.</summary>
    private static readonly TimeSpan StillTolerance = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan StillTimeout = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, CameraRecording> _cameras = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HoldWindow> _holds = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Func<TimeSpan> _retention;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _ffmpegPath;
    private long _bytes;

    private FootageRecording(string rootDirectory, long maxBytes, Func<TimeSpan> retention, ILogger logger, TimeProvider time, string ffmpegPath)
    {
        RootDirectory = rootDirectory;
        MaxBytes = maxBytes;
        _retention = retention;
        _logger = logger;
        _time = time;
        _ffmpegPath = ffmpegPath;
    }

    /// <summary>Each camera's segments are in <c>{RootDirectory}/{camera}/</c>.</summary>
    public string RootDirectory { get; }

    /// <summary>The disk budget, all cameras together.</summary>
    public long MaxBytes { get; }

    /// <summary>The retention in force now (the agreement's or the owner's, whichever is shorter).</summary>
    public TimeSpan Retention => _retention();

    /// <summary>All cameras' segments on disk.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public IReadOnlyCollection<string> Cameras
    {
        get
        {
            lock (_gate)
            {
                return [.. _cameras.Keys];
            }
        }
    }

    /// <summary>
    /// Opens the recording under <paramref name="rootDirectory"/> (created if missing): every camera
    /// folder's segments are indexed from their names, and copies a kill interrupted are deleted.
    /// </summary>
    /// <param name="cameraIds">The configured cameras (listed even before their first segment).</param>
    /// <param name="retention">Asked at every purge, so a new agreement takes effect without a restart.</param>
    public static FootageRecording Open(
        string rootDirectory,
        IEnumerable<string> cameraIds,
        long maxBytes,
        Func<TimeSpan> retention,
        ILogger logger,
        TimeProvider? timeProvider = null,
        string ffmpegPath = "ffmpeg")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(cameraIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentNullException.ThrowIfNull(retention);
        ArgumentNullException.ThrowIfNull(logger);

        var recording = new FootageRecording(Path.GetFullPath(rootDirectory), maxBytes, retention, logger, timeProvider ?? TimeProvider.System, ffmpegPath);
        Directory.CreateDirectory(recording.RootDirectory);
        var deleted = 0;
        var ids = Directory.EnumerateDirectories(recording.RootDirectory).Select(Path.GetFileName).OfType<string>().Concat(cameraIds);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var camera = recording.CameraFor(id);
            deleted += camera.Load();
            recording._bytes += camera.Bytes;
        }

        RecordingLog.Opened(
            logger, recording.RootDirectory, recording._cameras.Count, recording._cameras.Values.Sum(c => c.Count), recording._bytes, deleted, maxBytes);
        return recording;
    }

    /// <summary>Lists a camera (one added while running) before its first segment.</summary>
    public void Track(string cameraId)
    {
        lock (_gate)
        {
            CameraFor(cameraId);
        }
    }

    /// <summary>
    /// Copies a segment the recorder just closed into the recording. Never throws: a copy that fails
    /// (disk full, failing disk) is logged once per streak and counted, and the recording has a gap.
    /// </summary>
    public void Keep(string cameraId, Segment segment)
    {
        ArgumentNullException.ThrowIfNull(cameraId);
        ArgumentNullException.ThrowIfNull(segment);
        var archived = new ArchivedSegment(segment.StartsAt.ToUnixTimeMilliseconds(), segment.EndsAt.ToUnixTimeMilliseconds(), segment.Bytes);
        if (archived.EndUnixMs <= archived.StartUnixMs)
        {
            return;
        }

        CameraRecording camera;
        lock (_gate)
        {
            camera = CameraFor(cameraId);
        }

        var path = camera.PathOf(archived);
        try
        {
            CopyDurably(segment.Path, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(path + SegmentFileName.PartialExtension);
            bool first;
            lock (_gate)
            {
                camera.KeepFailures++;
                first = !camera.Failing;
                camera.Failing = true;
            }

            if (first)
            {
                RecordingLog.KeepFailed(_logger, cameraId, e.Message);
            }

            return;
        }

        bool recovered;
        long failures;
        lock (_gate)
        {
            camera.Add(archived);
            _bytes += archived.Bytes;
            recovered = camera.Failing;
            camera.Failing = false;
            failures = camera.KeepFailures;
        }

        if (recovered)
        {
            RecordingLog.KeepRecovered(_logger, cameraId, failures);
        }
    }

    /// <summary>
    /// Keeps what the last run's recorder left in the camera's RAM ring and did not reach the disk
    /// (read by <see cref="LeftoverSegments"/> before the recorder starts and clears it): the segment
    /// a kill interrupted, and one killed between its close and its copy.
    /// </summary>
    public void KeepLeftovers(string cameraId, IReadOnlyList<Segment> leftovers)
    {
        ArgumentNullException.ThrowIfNull(leftovers);
        var newestEnd = NewestAt(cameraId) ?? DateTimeOffset.MinValue;
        var kept = 0;
        DateTimeOffset? from = null;
        foreach (var leftover in leftovers)
        {
            if (leftover.EndsAt <= newestEnd + TimeSpan.FromMilliseconds(500))
            {
                continue; // on disk already (its estimated end differs from the copy's by file-time noise)
            }

            var segment = leftover.StartsAt < newestEnd ? leftover with { StartsAt = newestEnd } : leftover;
            Keep(cameraId, segment);
            newestEnd = segment.EndsAt;
            from ??= segment.StartsAt;
            kept++;
        }

        if (kept > 0)
        {
            RecordingLog.LeftoversKept(_logger, cameraId, kept, from!.Value, newestEnd);
        }
    }

    public DateTimeOffset? OldestAt(string cameraId)
    {
        lock (_gate)
        {
            return _cameras.TryGetValue(cameraId, out var camera) && camera.Oldest is { } oldest
                ? DateTimeOffset.FromUnixTimeMilliseconds(oldest.StartUnixMs)
                : null;
        }
    }

    public DateTimeOffset? NewestAt(string cameraId)
    {
        lock (_gate)
        {
            return _cameras.TryGetValue(cameraId, out var camera) && camera.Newest is { } newest
                ? DateTimeOffset.FromUnixTimeMilliseconds(newest.EndUnixMs)
                : null;
        }
    }

    public IReadOnlyList<RecordedSegment> Segments(string cameraId, DateTimeOffset from, DateTimeOffset to)
    {
        var segments = new List<RecordedSegment>();
        lock (_gate)
        {
            if (_cameras.TryGetValue(cameraId, out var camera))
            {
                camera.CollectOverlapping(from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), segments);
            }
        }

        return segments;
    }

    public void Hold(string holdId, string cameraId, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(holdId);
        ArgumentNullException.ThrowIfNull(cameraId);
        lock (_gate)
        {
            _holds[holdId] = new HoldWindow(cameraId, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        }
    }

    public void Release(string holdId)
    {
        ArgumentNullException.ThrowIfNull(holdId);
        lock (_gate)
        {
            _holds.Remove(holdId);
        }
    }

    public async Task<byte[]?> StillAsync(string cameraId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        RecordedSegment segment;
        lock (_gate)
        {
            if (!_cameras.TryGetValue(cameraId, out var camera)
                || camera.Nearest(at.ToUnixTimeMilliseconds(), (long)StillTolerance.TotalMilliseconds) is not { } nearest)
            {
                return null;
            }

            segment = camera.ToRecorded(nearest);
        }

        var offset = at < segment.StartsAt ? TimeSpan.Zero : Min(at - segment.StartsAt, segment.EndsAt - segment.StartsAt);
        try
        {
            // The span is accurate to about a keyframe interval: past the last frame, take the first.
            return await StillFrame.ExtractAsync(_ffmpegPath, segment.Path, offset, StillTimeout, cancellationToken).ConfigureAwait(false)
                ?? await StillFrame.ExtractAsync(_ffmpegPath, segment.Path, TimeSpan.Zero, StillTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or IOException or System.ComponentModel.Win32Exception)
        {
            RecordingLog.StillFailed(_logger, cameraId, at, e.Message);
            return null;
        }
    }

    public RecordingStatus GetStatus(string cameraId)
    {
        lock (_gate)
        {
            if (!_cameras.TryGetValue(cameraId, out var camera))
            {
                return new RecordingStatus(cameraId, 0, 0, null, null, 0);
            }

            return new RecordingStatus(
                cameraId,
                camera.Count,
                camera.Bytes,
                camera.Oldest is { } oldest ? DateTimeOffset.FromUnixTimeMilliseconds(oldest.StartUnixMs) : null,
                camera.Newest is { } newest ? DateTimeOffset.FromUnixTimeMilliseconds(newest.EndUnixMs) : null,
                camera.KeepFailures);
        }
    }

    /// <summary>
    /// One purge pass: first what is older than the retention (oldest first, held windows skipped),
    /// then, while the recording is over its budget, the oldest segment of any camera, held or not.
    /// The files go after the index lets go of them. Returns one entry per camera and reason.
    /// </summary>
    public IReadOnlyList<RecordingPurge> Purge()
    {
        var cutoff = (_time.GetUtcNow() - _retention()).ToUnixTimeMilliseconds();
        var purges = new List<RecordingPurge>();
        var files = new List<string>();
        var removed = new List<ArchivedSegment>();
        lock (_gate)
        {
            var holds = new List<HoldWindow>(_holds.Count);
            foreach (var camera in _cameras.Values)
            {
                holds.Clear();
                holds.AddRange(_holds.Values.Where(hold => hold.CameraId == camera.CameraId));
                removed.Clear();
                camera.RemoveEndedBefore(cutoff, holds, removed);
                Tally(camera, RecordingPurgeReason.Age, removed, purges, files);
            }

            if (_bytes > MaxBytes)
            {
                foreach (var (camera, count) in OverBudgetCounts())
                {
                    removed.Clear();
                    camera.RemoveOldest(count, removed);
                    Tally(camera, RecordingPurgeReason.DiskBudget, removed, purges, files);
                }
            }
        }

        foreach (var file in files)
        {
            TryDelete(file);
        }

        return purges;
    }

    /// <summary>How many of each camera's oldest segments go to bring the recording under budget (the oldest of all cameras first).</summary>
    private Dictionary<CameraRecording, int> OverBudgetCounts()
    {
        var counts = _cameras.Values.ToDictionary(camera => camera, _ => 0);
        var excess = _bytes - MaxBytes;
        while (excess > 0)
        {
            CameraRecording? oldest = null;
            long oldestStart = long.MaxValue;
            foreach (var (camera, next) in counts)
            {
                if (next < camera.Count && camera[next].StartUnixMs < oldestStart)
                {
                    oldest = camera;
                    oldestStart = camera[next].StartUnixMs;
                }
            }

            if (oldest is null)
            {
                break;
            }

            excess -= oldest[counts[oldest]].Bytes;
            counts[oldest]++;
        }

        return counts;
    }

    private void Tally(CameraRecording camera, RecordingPurgeReason reason, List<ArchivedSegment> removed, List<RecordingPurge> purges, List<string> files)
    {
        if (removed.Count == 0)
        {
            return;
        }

        long bytes = 0, from = long.MaxValue, to = long.MinValue;
        foreach (var segment in removed)
        {
            bytes += segment.Bytes;
            from = Math.Min(from, segment.StartUnixMs);
            to = Math.Max(to, segment.EndUnixMs);
            files.Add(camera.PathOf(segment));
        }

        _bytes -= bytes;
        purges.Add(new RecordingPurge(
            camera.CameraId, reason, removed.Count, bytes, DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(to)));
    }

    private CameraRecording CameraFor(string cameraId)
    {
        if (!_cameras.TryGetValue(cameraId, out var camera))
        {
            camera = new CameraRecording(cameraId, Path.Combine(RootDirectory, ClipPaths.SafeName(cameraId)));
            _cameras.Add(cameraId, camera);
        }

        return camera;
    }

    /// <summary>Copy to <c>.part</c>, flush to the disk, rename: the name appears only over a whole file.</summary>
    private static void CopyDurably(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + SegmentFileName.PartialExtension;
        File.Copy(source, partial, overwrite: true);
        using (var written = new FileStream(partial, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0))
        {
            written.Flush(flushToDisk: true);
        }

        File.Move(partial, destination, overwrite: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file left behind is found again at the next start, and purged then.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
