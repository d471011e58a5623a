namespace EdgeIngest.Audit;

/// <summary>Where the audit lives under the storage folder: <c>audit/audit.jsonl</c> and its anchor <c>audit/head</c>.</summary>
public sealed record AuditPaths(string Folder)
{
    public string LogFile => Path.Combine(Folder, "audit.jsonl");

    public string HeadFile => Path.Combine(Folder, "head");

    public static AuditPaths Under(string storageDirectory) => new(Path.Combine(storageDirectory, "audit"));
}
