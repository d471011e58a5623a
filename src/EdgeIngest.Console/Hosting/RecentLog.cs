using Microsoft.Extensions.Logging;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The service's last hour of log lines for the Device page: a fixed ring of entries (the oldest
/// overwritten once it is full), so a chatty hour costs a bounded amount of memory. Adding takes a
/// short lock and allocates nothing beyond the message the logger formatted anyway.
/// </summary>
public sealed class RecentLog
{
    public const int DefaultCapacity = 4000;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly RecentLogEntry[] _entries;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;
    private volatile bool _detached;

    public RecentLog(int capacity = DefaultCapacity, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _entries = new RecentLogEntry[capacity];
        _time = time ?? TimeProvider.System;
    }

    public int Capacity => _entries.Length;

    /// <summary>A ring fed by every logger of <paramref name="loggers"/> from now on.</summary>
    public static RecentLog AttachTo(ILoggerFactory loggers, int capacity = DefaultCapacity)
    {
        var recent = new RecentLog(capacity);
        loggers.AddProvider(new RecentLogProvider(recent));
        return recent;
    }

    internal bool Detached => _detached;

    /// <summary>Stops taking lines (a factory cannot drop a provider; a console that attached its own ring detaches it when it stops).</summary>
    public void Detach() => _detached = true;

    public void Add(LogLevel level, string category, string message)
    {
        var entry = new RecentLogEntry(_time.GetUtcNow(), level, category, message);
        lock (_lock)
        {
            _entries[_next] = entry;
            _next = _next + 1 == _entries.Length ? 0 : _next + 1;
            if (_count < _entries.Length)
            {
                _count++;
            }
        }
    }

    /// <summary>The lines of the last <see cref="Window"/>, newest first.</summary>
    public IReadOnlyList<RecentLogEntry> NewestFirst()
    {
        var since = _time.GetUtcNow() - Window;
        lock (_lock)
        {
            var lines = new List<RecentLogEntry>(_count);
            for (var i = 1; i <= _count; i++)
            {
                var entry = _entries[(_next - i + _entries.Length) % _entries.Length];
                if (entry.At < since)
                {
                    break;
                }

                lines.Add(entry);
            }

            return lines;
        }
    }
}
