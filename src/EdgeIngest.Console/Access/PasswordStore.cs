using System.Text.Json;

namespace EdgeIngest.WebConsole.Access;

/// <summary>
/// The console password's hash in <c>{storage}/console/password.json</c>, readable by the service's
/// user only (folder 0700, file 0600). Written to a temporary file and renamed over the old one,
/// so a crash leaves either the old password or the new one, never half a file.
/// </summary>
internal sealed class PasswordStore
{
    private static readonly UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly Lock _gate = new();
    private PasswordHash? _current;

    public PasswordStore(string consoleFolder)
    {
        Folder = consoleFolder;
        System.IO.Directory.CreateDirectory(consoleFolder, OwnerOnlyFolder);
        File.SetUnixFileMode(consoleFolder, OwnerOnlyFolder);
        _current = Read(FilePath);
    }

    public string Folder { get; }

    public string FilePath => Path.Combine(Folder, "password.json");

    /// <summary>False until the owner sets a password on the first-run page.</summary>
    public bool IsSet => Volatile.Read(ref _current) is not null;

    /// <summary>Names the password in force (from its random salt) without revealing anything about it; empty before one is set.</summary>
    public string Stamp => Volatile.Read(ref _current) is { } hash ? Convert.ToHexStringLower(hash.Salt, 0, 8) : "";

    public bool Verify(string password) => Volatile.Read(ref _current) is { } hash && hash.Matches(password);

    public void Set(string password)
    {
        var hash = PasswordHash.Create(password);
        var json = JsonSerializer.SerializeToUtf8Bytes(new StoredHash(hash.Algorithm, hash.Iterations, Convert.ToBase64String(hash.Salt), Convert.ToBase64String(hash.Hash)));
        lock (_gate)
        {
            var temporary = FilePath + ".tmp";
            using (var file = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile }))
            {
                file.Write(json);
                file.Flush(flushToDisk: true);
            }

            File.SetUnixFileMode(temporary, OwnerOnlyFile);
            File.Move(temporary, FilePath, overwrite: true);
            Volatile.Write(ref _current, hash);
        }
    }

    private static PasswordHash? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredHash>(File.ReadAllBytes(path))
                ?? throw new InvalidDataException("empty");
            return new PasswordHash(stored.Algorithm, stored.Iterations, Convert.FromBase64String(stored.Salt), Convert.FromBase64String(stored.Hash));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: not a console password file ({e.Message}); delete it to set a new password on the first-run page", e);
        }
    }

    private sealed record StoredHash(string Algorithm, int Iterations, string Salt, string Hash);
}
