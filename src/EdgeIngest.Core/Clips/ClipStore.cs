using Microsoft.Extensions.Logging;

namespace EdgeIngest.Clips;

/// <summary>
/// The clip folder, bounded by bytes and by age: after every new clip the oldest are deleted
/// until both bounds hold (never the clip just made). Leftovers of an interrupted cut are swept
/// at start.
/// </summary>
internal sealed class ClipStore
{
    public const string ClipExtension = ".mp4";
    public const string PartialExtension = ".part";
    public const string ListExtension = ".concat";

    private readonly long _maxBytes;
    private readonly TimeSpan _maxAge;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public ClipStore(string directory, long maxBytes, TimeSpan maxAge, ILogger logger, TimeProvider time)
    {
        Directory = directory;
        _maxBytes = maxBytes;
        _maxAge = maxAge;
        _logger = logger;
        _time = time;
        System.IO.Directory.CreateDirectory(directory);
        foreach (var leftover in System.IO.Directory.EnumerateFiles(directory, "*" + PartialExtension)
            .Concat(System.IO.Directory.EnumerateFiles(directory, "*" + ListExtension)))
        {
            File.Delete(leftover);
        }
    }

    public string Directory { get; }

    public void Enforce(string keep)
    {
        lock (_gate)
        {
            var clips = new DirectoryInfo(Directory).EnumerateFiles("*" + ClipExtension)
                .OrderBy(file => file.LastWriteTimeUtc)
                .ToList();
            var total = clips.Sum(file => file.Length);
            var oldestAllowed = _time.GetUtcNow().UtcDateTime - _maxAge;
            foreach (var clip in clips)
            {
                if (clip.FullName == keep || (total <= _maxBytes && clip.LastWriteTimeUtc >= oldestAllowed))
                {
                    continue;
                }

                try
                {
                    clip.Delete();
                    total -= clip.Length;
                    ClipLog.ClipEvicted(_logger, clip.Name, clip.Length);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else removed it or holds it; it counts again next time.
                }
            }
        }
    }
}
