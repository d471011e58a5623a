using System.Globalization;
using EdgeIngest.Hotlists;
using EdgeIngest.Signing;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Agreements;

/// <summary>
/// The signed agreements the device accepted, kept as signed under
/// <c>{storage}/agreement/agreement-v{N}.json</c> (written atomically), so a restart uses the newest
/// accepted one; each is verified again when loaded. The newest and the one before it are kept.
/// </summary>
public sealed class AgreementStore
{
    private const string FilePrefix = "agreement-v";
    private const string FileExtension = ".json";

    private readonly AgencyPublicKey _key;
    private readonly ILogger _logger;

    public AgreementStore(string storageDirectory, AgencyPublicKey key, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageDirectory);
        DirectoryPath = Path.Combine(storageDirectory, "agreement");
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _logger = logger;
    }

    public string DirectoryPath { get; }

    public string PathOf(long version) =>
        Path.Combine(DirectoryPath, string.Create(CultureInfo.InvariantCulture, $"{FilePrefix}{version}{FileExtension}"));

    /// <summary>
    /// The agreement to start with: the newest stored one that verifies, or the configured
    /// <c>agreement.file</c> (optional) when that is newer, which is then stored (<c>Adopted</c>: audit
    /// it). A configured file that cannot be used fails the start unless a stored one is newer or equal.
    /// </summary>
    public (VersionedAgreement? Agreement, bool Adopted) LoadNewest(string? configuredFile)
    {
        VersionedAgreement? stored = null;
        foreach (var (version, path) in StoredVersions())
        {
            try
            {
                stored = Read(File.ReadAllBytes(path), path);
                break;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SignatureException or AgreementFormatException)
            {
                AgreementStoreLog.StoredVersionUnusable(_logger, version, e.Message);
            }
        }

        if (string.IsNullOrWhiteSpace(configuredFile))
        {
            return (Log(stored), false);
        }

        byte[] envelope;
        VersionedAgreement configured;
        try
        {
            envelope = File.ReadAllBytes(configuredFile);
            configured = Read(envelope, configuredFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SignatureException or AgreementFormatException)
        {
            if (stored is null)
            {
                throw new AgreementFormatException(configuredFile, [e.Message]);
            }

            AgreementStoreLog.ConfiguredFileUnusable(_logger, e.Message, stored.Version);
            return (Log(stored), false);
        }

        if (stored is not null && stored.Version >= configured.Version)
        {
            return (Log(stored), false);
        }

        try
        {
            Save(configured.Version, envelope);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AgreementStoreLog.StoredVersionUnusable(_logger, configured.Version, $"{configuredFile} could not be stored: {e.Message}");
        }

        return (Log(configured), true);
    }

    public string Save(long version, ReadOnlySpan<byte> envelope)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        var path = PathOf(version);
        AtomicFile.Write(path, envelope);
        AgreementStoreLog.Stored(_logger, version, path);
        Prune();
        return path;
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
            var digits = Path.GetFileName(path)[FilePrefix.Length..^FileExtension.Length];
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
            {
                found.Add((version, path));
            }
        }

        found.Sort((a, b) => b.Version.CompareTo(a.Version));
        return found;
    }

    private VersionedAgreement Read(byte[] envelope, string source)
    {
        var payload = _key.Verify(envelope, SignedDocumentTypes.Agreement, source);
        return new VersionedAgreement(AgreementPayload.Read(payload, source), source);
    }

    private VersionedAgreement? Log(VersionedAgreement? agreement)
    {
        if (agreement is null)
        {
            AgreementStoreLog.NoneHeld(_logger);
        }
        else
        {
            AgreementStoreLog.Loaded(_logger, agreement.Agreement.AgreementId, agreement.Version, agreement.Source);
        }

        return agreement;
    }

    private void Prune()
    {
        foreach (var (_, path) in StoredVersions().Skip(2))
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                AgreementStoreLog.PruneFailed(_logger, path, e.Message);
            }
        }
    }
}
