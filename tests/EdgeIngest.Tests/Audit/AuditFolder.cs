using EdgeIngest.Audit;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Audit;

/// <summary>A temp storage folder holding a real audit log, opened and reopened as a restart would; deleted on dispose.</summary>
internal sealed class AuditFolder : IDisposable
{
    public AuditFolder()
    {
        Storage = Directory.CreateTempSubdirectory("edgeingest-audit-").FullName;
    }

    public string Storage { get; }

    public AuditPaths Paths => AuditPaths.Under(Storage);

    public InMemoryLoggerProvider Logs { get; } = new();

    public AuditLog Open(TimeProvider? time = null) => AuditLog.Open(Paths, time ?? TimeProvider.System, Logs.CreateLogger("audit"));

    /// <summary>Writes <paramref name="count"/> disclosure records (event ids e1, e2, …) and closes the log.</summary>
    public void Write(int count)
    {
        using var log = Open();
        for (var i = 1; i <= count; i++)
        {
            log.Append(AuditKinds.Disclosure, [new(AuditFields.EventId, $"e{i}"), new(AuditFields.Agency, "County Sheriff")]);
        }
    }

    public List<string> Lines() => [.. File.ReadAllLines(Paths.LogFile)];

    public void Rewrite(IEnumerable<string> lines) => File.WriteAllText(Paths.LogFile, string.Concat(lines.Select(l => l + "\n")));

    public AuditVerification Verify(AuditHead? expected = null) => AuditVerifier.Verify(Paths, expected);

    public void Dispose()
    {
        Logs.Dispose();
        Directory.Delete(Storage, recursive: true);
    }
}
