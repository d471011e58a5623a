using System.Globalization;
using EdgeIngest.Signing;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hotlists;

/// <summary>
/// The signed hotlist documents the device accepted, kept as the agency signed them under
/// <c>{storage}/hotlist/</c>: <c>hotlist-v{N}.json</c> for a full list, <c>hotlist-v{N}.delta.json</c>
/// for a delta. A start verifies them again (a file changed on disk is refused like a forged
/// message), takes the newest full list — or the configured <c>hotlist.file</c> when that is newer —
/// and applies the stored deltas that follow it. Each file is written atomically (temp file,
/// fsync, rename, fsync of the folder): after a power cut a version is either complete or absent.
/// </summary>
public sealed class HotlistStore
{
    private const string FilePrefix = "hotlist-v";
    private const string FullExtension = ".json";
    private const string DeltaExtension = ".delta.json";
    private const string TempExtension = ".tmp";

    private readonly AgencyPublicKey _key;
    private readonly ILogger _logger;

    public HotlistStore(string storageDirectory, AgencyPublicKey key, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageDirectory);
        DirectoryPath = Path.Combine(storageDirectory, "hotlist");
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _logger = logger;
    }

    /// <summary>The folder that holds the stored documents.</summary>
    public string DirectoryPath { get; }

    public string PathOf(long version, bool delta) =>
        Path.Combine(DirectoryPath, string.Create(CultureInfo.InvariantCulture, $"{FilePrefix}{version}{(delta ? DeltaExtension : FullExtension)}"));

    /// <summary>
    /// The hotlist to start with. A stored document that fails verification or parsing is reported
    /// and skipped, never replaced by an empty list. A bad configured file fails the start only when
    /// nothing stored can be used (then with <see cref="HotlistFormatException"/> naming the file).
    /// </summary>
    public HotlistStartup LoadNewest(string configuredFile)
    {
        VersionedHotlist? configured = null;
        string? configuredProblem = null;
        byte[]? configuredEnvelope = null;
        try
        {
            configuredEnvelope = File.ReadAllBytes(configuredFile);
            configured = ReadFull(configuredEnvelope, configuredFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SignatureException or HotlistFormatException)
        {
            configuredProblem = e is FileNotFoundException ? $"{configuredFile}: the file does not exist" : e.Message;
        }

        var stored = StoredVersions();
        var newestFull = NewestUsableFull(stored);
        var adopted = false;
        VersionedHotlist start;
        if (configured is not null && (newestFull is null || configured.Version > newestFull.Version))
        {
            start = configured;
            adopted = TryAdopt(configured, configuredEnvelope!);
        }
        else if (newestFull is not null)
        {
            start = newestFull;
            if (configuredProblem is not null)
            {
                HotlistStoreLog.ConfiguredFileUnusable(_logger, configuredProblem, newestFull.Version);
            }
        }
        else
        {
            throw new HotlistFormatException(configuredFile, [configuredProblem ?? "no usable hotlist"]);
        }

        var current = ApplyStoredDeltas(start, stored);
        HotlistStoreLog.Loaded(_logger, current.Version, current.Source, current.Entries.Count);
        return new HotlistStartup(current, adopted);
    }

    /// <summary>
    /// Writes <paramref name="envelope"/> (the signed document, as received) as version
    /// <paramref name="version"/> and returns its path. On failure it throws and leaves the stored
    /// files as they were.
    /// </summary>
    public string Save(long version, bool delta, ReadOnlySpan<byte> envelope)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        var path = PathOf(version, delta);
        AtomicFile.Write(path, envelope);
        HotlistStoreLog.Stored(_logger, version, path);
        return path;
    }

    /// <summary>
    /// Keeps the newest full list, the one before it (so a technician can roll back by hand) and
    /// the deltas after that one; deletes the rest and stray temp files.
    /// </summary>
    public void Prune()
    {
        var stored = StoredVersions();
        var fulls = stored.Where(s => !s.IsDelta).Take(2).ToList();
        if (fulls.Count == 0)
        {
            return;
        }

        var oldestKept = fulls[^1].Version;
        foreach (var document in stored)
        {
            var keep = document.IsDelta ? document.Version > oldestKept : fulls.Contains(document);
            if (!keep)
            {
                DeleteOld(document.Path);
            }
        }

        foreach (var temp in Directory.EnumerateFiles(DirectoryPath, FilePrefix + "*" + TempExtension))
        {
            DeleteOld(temp);
        }
    }

    /// <summary>The stored documents, newest first (at one version, the full list before the delta).</summary>
    public IReadOnlyList<StoredHotlist> StoredVersions()
    {
        if (!Directory.Exists(DirectoryPath))
        {
            return [];
        }

        var found = new List<StoredHotlist>();
        foreach (var path in Directory.EnumerateFiles(DirectoryPath, FilePrefix + "*" + FullExtension))
        {
            var name = Path.GetFileName(path);
            var delta = name.EndsWith(DeltaExtension, StringComparison.Ordinal);
            var digits = name[FilePrefix.Length..^(delta ? DeltaExtension.Length : FullExtension.Length)];
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
            {
                found.Add(new StoredHotlist(version, delta, path));
            }
        }

        found.Sort((a, b) => b.Version != a.Version ? b.Version.CompareTo(a.Version) : a.IsDelta.CompareTo(b.IsDelta));
        return found;
    }

    private VersionedHotlist ReadFull(byte[] envelope, string source)
    {
        var payload = _key.Verify(envelope, SignedDocumentTypes.Hotlist, source);
        var document = HotlistPayload.ReadFull(payload, source);
        return VersionedHotlist.Of(document.Entries, document.Version, source);
    }

    private VersionedHotlist? NewestUsableFull(IReadOnlyList<StoredHotlist> stored)
    {
        foreach (var document in stored.Where(s => !s.IsDelta))
        {
            try
            {
                var loaded = ReadFull(File.ReadAllBytes(document.Path), document.Path);
                if (loaded.Version == document.Version)
                {
                    return loaded;
                }

                HotlistStoreLog.StoredVersionUnusable(_logger, document.Version, $"{document.Path}: holds version {loaded.Version}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SignatureException or HotlistFormatException)
            {
                HotlistStoreLog.StoredVersionUnusable(_logger, document.Version, e.Message);
            }
        }

        return null;
    }

    private VersionedHotlist ApplyStoredDeltas(VersionedHotlist start, IReadOnlyList<StoredHotlist> stored)
    {
        var current = start;
        foreach (var document in stored.Where(s => s.IsDelta && s.Version > start.Version).Reverse())
        {
            try
            {
                var payload = _key.Verify(File.ReadAllBytes(document.Path), SignedDocumentTypes.HotlistDelta, document.Path);
                var delta = HotlistPayload.ReadDelta(payload, document.Path);
                if (delta.BaseVersion == current.Version && delta.Version == document.Version)
                {
                    current = VersionedHotlist.Of(delta.ApplyTo(current.Entries), delta.Version, document.Path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SignatureException or HotlistFormatException)
            {
                HotlistStoreLog.StoredVersionUnusable(_logger, document.Version, e.Message);
            }
        }

        return current;
    }

    private bool TryAdopt(VersionedHotlist configured, byte[] envelope)
    {
        try
        {
            Save(configured.Version, delta: false, envelope);
            Prune();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still used from the configured file; it is stored on the next start that can write.
            HotlistStoreLog.StoredVersionUnusable(_logger, configured.Version, $"{configured.Source} could not be stored: {e.Message}");
            return true;
        }
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
}
