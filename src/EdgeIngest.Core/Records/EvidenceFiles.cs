using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeIngest.Records;

/// <summary>
/// Evidence on disk: <c>records/evidence/{yyyy-MM-dd}/{yyyyMMddTHHmmssfffZ}_{event}_{kind}.jpg</c>
/// (<c>.mp4</c> for a <see cref="RecordStore.ClipKind"/>).
/// The time of the event is in the name, so a purge can remove every file past retention from the
/// folders alone, including one that no row names (a crash between a write and its row, or between
/// a row's delete and its file's): no orphan outlives the next purge.
/// </summary>
internal sealed partial class EvidenceFiles(string folder)
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmssfff'Z'";
    private const string DayFormat = "yyyy-MM-dd";
    private static readonly TimeSpan StaleTemporary = TimeSpan.FromHours(1);

    public string Folder { get; } = folder;

    /// <summary>The path, relative to the records folder, a piece of evidence is stored at.</summary>
    public static string RelativePath(string eventId, string kind, DateTimeOffset at)
    {
        if (!NamePart().IsMatch(eventId))
        {
            throw new ArgumentException($"event id '{eventId}' is not usable in a file name (letters, digits, '-', '_')", nameof(eventId));
        }

        if (!NamePart().IsMatch(kind))
        {
            throw new ArgumentException($"evidence kind '{kind}' is not usable in a file name (letters, digits, '-', '_')", nameof(kind));
        }

        var utc = at.UtcDateTime;
        return Path.Combine(
            "evidence",
            utc.ToString(DayFormat, CultureInfo.InvariantCulture),
            $"{utc.ToString(TimeFormat, CultureInfo.InvariantCulture)}_{eventId}_{kind}{(kind == RecordStore.ClipKind ? ".mp4" : ".jpg")}");
    }

    /// <summary>Writes the bytes under a temporary name, syncs and renames, so a file under its real name is whole.</summary>
    public static void WriteWhole(string path, ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Deletes every evidence file whose event time is before <paramref name="cutoff"/> (named by a
    /// row or not), temporaries left by a crash, and day folders left empty; returns how many files went.
    /// </summary>
    public int SweepBefore(DateTimeOffset cutoff, DateTimeOffset now)
    {
        var root = Path.Combine(Folder, "evidence");
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var deleted = 0;
        var cutoffDay = DateOnly.FromDateTime(cutoff.UtcDateTime);
        foreach (var dayFolder in Directory.EnumerateDirectories(root))
        {
            if (!DateOnly.TryParseExact(Path.GetFileName(dayFolder), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day > cutoffDay)
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dayFolder))
            {
                if (IsPast(file, cutoff, now) && TryDelete(file))
                {
                    deleted++;
                }
            }

            if (day < cutoffDay && !Directory.EnumerateFileSystemEntries(dayFolder).Any())
            {
                Directory.Delete(dayFolder);
            }
        }

        return deleted;
    }

    public static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsPast(string file, DateTimeOffset cutoff, DateTimeOffset now)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return now - File.GetLastWriteTimeUtc(file) > StaleTemporary;
        }

        var stamp = name.Split('_', 2)[0];
        return DateTime.TryParseExact(stamp, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            && new DateTimeOffset(at, TimeSpan.Zero) < cutoff;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex NamePart();
}
