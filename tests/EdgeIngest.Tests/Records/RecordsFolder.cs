using EdgeIngest.Hotlists;
using EdgeIngest.Records;

namespace EdgeIngest.Tests.Records;

/// <summary>A temp storage folder holding a real records store; deleted on dispose.</summary>
internal sealed class RecordsFolder : IDisposable
{
    public RecordsFolder()
    {
        Storage = Directory.CreateTempSubdirectory("edgeingest-records-").FullName;
    }

    public string Storage { get; }

    public RecordStore Open() => RecordStore.Open(Storage);

    public static byte[] Jpeg(int bytes = 2000)
    {
        var jpeg = new byte[bytes];
        jpeg[0] = 0xFF;
        jpeg[1] = 0xD8;
        return jpeg;
    }

    public static RecordedRead Read(string id, DateTimeOffset at, bool shared = false, string camera = "gate") =>
        new(id, camera, at, "KXT4821", 0.93f, shared);

    public static RecordedHit Hit(string id, DateTimeOffset at, string category = HotlistCategories.StolenVehicle, MatchKind kind = MatchKind.Exact, bool disclosed = true, string? withheld = null) =>
        new(id, "gate", at, "KXT4821", kind == MatchKind.Exact ? "KXT4821" : "KXT482I", category, kind, kind == MatchKind.Exact ? 0 : 1, disclosed, withheld, 7, disclosed ? 3 : null);

    /// <summary>Every file under records/evidence, relative to the records folder.</summary>
    public IReadOnlyList<string> EvidenceOnDisk()
    {
        var root = Path.Combine(Storage, "records", "evidence");
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(Storage, "records"), f)).Order(StringComparer.Ordinal)]
            : [];
    }

    public void Dispose() => Directory.Delete(Storage, recursive: true);
}
