namespace EdgeIngest.Recordings;

/// <summary>
/// One camera's recorded segments: the index (oldest first, by start) and its folder. Not
/// thread-safe: <see cref="FootageRecording"/> guards it. Files are copied and deleted outside
/// that guard; this class only says which.
/// </summary>
internal sealed class CameraRecording(string cameraId, string directory)
{
    private readonly List<ArchivedSegment> _segments = [];

    public string CameraId { get; } = cameraId;

    public string Directory { get; } = directory;

    public long Bytes { get; private set; }

    public int Count => _segments.Count;

    public long KeepFailures { get; set; }

    /// <summary>True while copies fail, so a disk that stays full is logged once, not every segment.</summary>
    public bool Failing { get; set; }

    public ArchivedSegment? Oldest => _segments.Count > 0 ? _segments[0] : null;

    public ArchivedSegment? Newest => _segments.Count > 0 ? _segments[^1] : null;

    public string PathOf(in ArchivedSegment segment) =>
        Path.Combine(Directory, SegmentFileName.Format(segment.StartUnixMs, segment.EndUnixMs));

    /// <summary>
    /// Rebuilds the index from the folder: every <c>{start}-{end}.ts</c> is a closed segment;
    /// a <c>.part</c> left by a kill mid-copy, or an empty segment, is deleted; other files are left alone.
    /// </summary>
    /// <returns>How many leftovers were deleted.</returns>
    public int Load()
    {
        _segments.Clear();
        Bytes = 0;
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles())
        {
            var name = file.Name;
            if (name.EndsWith(SegmentFileName.PartialExtension, StringComparison.Ordinal)
                || (SegmentFileName.TryParse(name, out _, out _) && file.Length == 0))
            {
                file.Delete();
                deleted++;
            }
            else if (SegmentFileName.TryParse(name, out var start, out var end))
            {
                _segments.Add(new ArchivedSegment(start, end, file.Length));
                Bytes += file.Length;
            }
        }

        _segments.Sort(static (a, b) => a.StartUnixMs.CompareTo(b.StartUnixMs));
        return deleted;
    }

    /// <summary>Adds a segment in start order (appended in the usual case; a clock stepped back inserts it).</summary>
    public void Add(ArchivedSegment segment)
    {
        var at = _segments.Count;
        while (at > 0 && _segments[at - 1].StartUnixMs > segment.StartUnixMs)
        {
            at--;
        }

        _segments.Insert(at, segment);
        Bytes += segment.Bytes;
    }

    public void CollectOverlapping(long fromUnixMs, long toUnixMs, List<RecordedSegment> into)
    {
        foreach (var segment in _segments)
        {
            if (segment.Overlaps(fromUnixMs, toUnixMs))
            {
                into.Add(ToRecorded(segment));
            }
        }
    }

    /// <summary>The segment holding <paramref name="atUnixMs"/>, else the nearest within <paramref name="toleranceMs"/>; null when none.</summary>
    public ArchivedSegment? Nearest(long atUnixMs, long toleranceMs)
    {
        ArchivedSegment? best = null;
        var bestDistance = toleranceMs;
        foreach (var segment in _segments)
        {
            var distance = atUnixMs < segment.StartUnixMs ? segment.StartUnixMs - atUnixMs
                : atUnixMs >= segment.EndUnixMs ? atUnixMs - segment.EndUnixMs + 1
                : 0;
            if (distance <= bestDistance)
            {
                best = segment;
                bestDistance = distance;
                if (distance == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>Removes the segments that ended before <paramref name="cutoffUnixMs"/> and no hold covers, oldest first.</summary>
    public void RemoveEndedBefore(long cutoffUnixMs, List<HoldWindow> holds, List<ArchivedSegment> removed)
    {
        var kept = 0;
        var i = 0;
        for (; i < _segments.Count && _segments[i].EndUnixMs < cutoffUnixMs; i++)
        {
            var segment = _segments[i];
            if (IsHeld(segment, holds))
            {
                _segments[kept++] = segment;
            }
            else
            {
                removed.Add(segment);
                Bytes -= segment.Bytes;
            }
        }

        // Slide the rest down over the gap the removed ones left.
        if (kept < i)
        {
            _segments.RemoveRange(kept, i - kept);
        }
    }

    public ArchivedSegment this[int index] => _segments[index];

    /// <summary>Removes the <paramref name="count"/> oldest segments, held or not (the disk budget).</summary>
    public void RemoveOldest(int count, List<ArchivedSegment> removed)
    {
        for (var i = 0; i < count; i++)
        {
            removed.Add(_segments[i]);
            Bytes -= _segments[i].Bytes;
        }

        _segments.RemoveRange(0, count);
    }

    public RecordedSegment ToRecorded(in ArchivedSegment segment) => new(
        CameraId,
        PathOf(segment),
        DateTimeOffset.FromUnixTimeMilliseconds(segment.StartUnixMs),
        DateTimeOffset.FromUnixTimeMilliseconds(segment.EndUnixMs),
        segment.Bytes);

    private static bool IsHeld(in ArchivedSegment segment, List<HoldWindow> holds)
    {
        foreach (var hold in holds)
        {
            if (hold.Covers(segment))
            {
                return true;
            }
        }

        return false;
    }
}
