namespace EdgeIngest.Clips;

/// <summary>
/// One camera's closed segments, oldest first, bounded by age and by bytes: a segment leaves
/// when it ended more than <c>maxAge</c> ago or when the ring holds more than <c>maxBytes</c>,
/// and its file is deleted then, unless a cut is reading it (the file goes when the cut is done).
/// Thread-safe: the recorder adds, a timer trims, cutters lease and wait.
/// </summary>
public sealed class SegmentRing
{
    private readonly List<Entry> _entries = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private TaskCompletionSource _added = NewSignal();
    private long _bytes;

    public SegmentRing(string directory, TimeSpan maxAge, long maxBytes, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        Directory = directory;
        MaxAge = maxAge;
        MaxBytes = maxBytes;
        _time = timeProvider ?? TimeProvider.System;
    }

    public string Directory { get; }

    public TimeSpan MaxAge { get; }

    public long MaxBytes { get; }

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

    /// <summary>The segments held now, oldest first.</summary>
    public IReadOnlyList<Segment> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.Select(entry => entry.Segment)];
        }
    }

    /// <summary>Adds a closed segment (newest) and trims the ring to its bounds.</summary>
    internal void Add(Segment segment)
    {
        TaskCompletionSource added;
        List<string> deletable;
        lock (_gate)
        {
            _entries.Add(new Entry(segment));
            _bytes += segment.Bytes;
            deletable = TrimLocked(_time.GetUtcNow());
            added = _added;
            _added = NewSignal();
        }

        DeleteFiles(deletable);
        added.TrySetResult();
    }

    /// <summary>Drops what is too old or too much (also called on a timer, for a camera that stopped sending).</summary>
    public void Trim()
    {
        List<string> deletable;
        lock (_gate)
        {
            deletable = TrimLocked(_time.GetUtcNow());
        }

        DeleteFiles(deletable);
    }

    internal bool Contains(string path)
    {
        lock (_gate)
        {
            return _entries.Exists(entry => entry.Segment.Path == path);
        }
    }

    /// <summary>Waits until a segment ending at or after <paramref name="end"/> is in the ring; false when <paramref name="timeout"/> passes first.</summary>
    internal async Task<bool> WaitForEndAsync(DateTimeOffset end, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            Task added;
            lock (_gate)
            {
                if (_entries.Count > 0 && _entries[^1].Segment.EndsAt >= end)
                {
                    return true;
                }

                added = _added.Task;
            }

            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await added.WaitAsync(remaining, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    /// <summary>Takes the segments overlapping [from, to); their files stay until the lease is disposed.</summary>
    internal SegmentLease Lease(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            var leased = _entries.Where(entry => entry.Segment.Overlaps(from, to)).ToArray();
            foreach (var entry in leased)
            {
                entry.Leases++;
            }

            return new SegmentLease(this, leased);
        }
    }

    internal void Release(IReadOnlyList<Entry> leased)
    {
        var deletable = new List<string>();
        lock (_gate)
        {
            foreach (var entry in leased)
            {
                entry.Leases--;
                if (entry.Leases == 0 && entry.Evicted)
                {
                    deletable.Add(entry.Segment.Path);
                }
            }
        }

        DeleteFiles(deletable);
    }

    private List<string> TrimLocked(DateTimeOffset now)
    {
        var deletable = new List<string>();
        var oldestAllowedEnd = now - MaxAge;
        while (_entries.Count > 0 && (_bytes > MaxBytes || _entries[0].Segment.EndsAt < oldestAllowedEnd))
        {
            var oldest = _entries[0];
            _entries.RemoveAt(0);
            _bytes -= oldest.Segment.Bytes;
            oldest.Evicted = true;
            if (oldest.Leases == 0)
            {
                deletable.Add(oldest.Segment.Path);
            }
        }

        return deletable;
    }

    private static void DeleteFiles(List<string> paths)
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone already or not ours to delete; the recorder's start-up sweep catches strays.
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A segment and who is reading it.</summary>
    internal sealed class Entry(Segment segment)
    {
        public Segment Segment { get; } = segment;

        public int Leases { get; set; }

        public bool Evicted { get; set; }
    }
}
