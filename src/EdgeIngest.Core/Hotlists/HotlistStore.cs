using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hotlists;

/// <summary>
/// The hotlists the agency sent, kept on the device's disk as <c>{storage}/hotlist/hotlist-v{N}.csv</c>
/// so a restart uses the newest accepted version rather than the older configured file. Each file
/// is written atomically (temp file, fsync, rename, fsync of the folder): after a power cut a
/// version is either complete or absent. The newest version and the one before it are kept, the
/// latter so a technician can roll back by hand.
/// </summary>
public sealed class HotlistStore
{
    private const string FilePrefix = "hotlist-v";
    private const string FileExtension = ".csv";
    private const string TempExtension = ".tmp";

    private readonly ILogger _logger;

    public HotlistStore(string storageDirectory, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageDirectory);
        DirectoryPath = Path.Combine(storageDirectory, "hotlist");
        _logger = logger;
    }

    /// <summary>The folder that holds the stored versions.</summary>
    public string DirectoryPath { get; }

    public string PathOf(long version) =>
        Path.Combine(DirectoryPath, string.Create(CultureInfo.InvariantCulture, $"{FilePrefix}{version}{FileExtension}"));

    /// <summary>
    /// The hotlist to start with: the newest stored version that parses, else the configured file
    /// as version 0. A stored file that does not parse is reported (file:line) and skipped, never
    /// replaced by an empty list; a bad configured file throws <see cref="HotlistFormatException"/>
    /// as it always has.
    /// </summary>
    public VersionedHotlist LoadNewest(string configuredFile)
    {
        foreach (var (version, path) in StoredVersions())
        {
            try
            {
                var stored = HotlistLoader.Load(path);
                HotlistStoreLog.Loaded(_logger, version, path, stored.Count);
                return new VersionedHotlist(stored, version, path);
            }
            catch (HotlistFormatException e)
            {
                HotlistStoreLog.StoredVersionUnusable(_logger, version, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                HotlistStoreLog.StoredVersionUnusable(_logger, version, $"{path}: {e.Message}");
            }
        }

        var configured = HotlistLoader.Load(configuredFile);
        HotlistStoreLog.Loaded(_logger, 0, configuredFile, configured.Count);
        return new VersionedHotlist(configured, 0, configuredFile);
    }

    /// <summary>
    /// Writes <paramref name="csv"/> as version <paramref name="version"/> and returns its path.
    /// On failure it throws and leaves the stored files as they were.
    /// </summary>
    public string Save(long version, string csv)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        Directory.CreateDirectory(DirectoryPath);
        var path = PathOf(version);
        var temp = path + TempExtension;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(csv));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        try
        {
            DirectorySync.Flush(DirectoryPath);
        }
        catch
        {
            // Not durable means not accepted: take the file back out so disk and memory agree.
            TryDelete(path);
            throw;
        }

        HotlistStoreLog.Stored(_logger, version, path);
        return path;
    }

    /// <summary>Deletes every stored version except <paramref name="newest"/> and <paramref name="previous"/>, and stray temp files.</summary>
    public void Prune(long newest, long previous)
    {
        foreach (var (version, path) in StoredVersions())
        {
            if (version != newest && version != previous)
            {
                DeleteOld(path);
            }
        }

        if (Directory.Exists(DirectoryPath))
        {
            foreach (var temp in Directory.EnumerateFiles(DirectoryPath, FilePrefix + "*" + TempExtension))
            {
                DeleteOld(temp);
            }
        }
    }

    /// <summary>The stored versions, newest first.</summary>
    public IReadOnlyList<(long Version, string Path)> StoredVersions()
    {
        if (!Directory.Exists(DirectoryPath))
        {
            return [];
        }

        var found = new List<(long Version, string Path)>();
        foreach (var path in Directory.EnumerateFiles(DirectoryPath, FilePrefix + "*" + FileExtension))
        {
            var name = Path.GetFileName(path.AsSpan());
            var digits = name[FilePrefix.Length..^FileExtension.Length];
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
            {
                found.Add((version, path));
            }
        }

        found.Sort((a, b) => b.Version.CompareTo(a.Version));
        return found;
    }

    private void DeleteOld(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            HotlistStoreLog.PruneFailed(_logger, path, e.Message);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original failure is the one worth reporting.
        }
    }
}
