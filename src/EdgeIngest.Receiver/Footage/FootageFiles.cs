using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EdgeIngest.Receiving.Output;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// The files of one request still arriving, under <c>.partial/footage/{device}/{request_id}/</c>:
/// <c>manifest.json</c> and its receipt, and per camera <c>{camera}/{part}/chunk-NNNNN</c> (as they
/// arrive), <c>{camera}/part-NNNNN.ts</c> with <c>part-NNNNN.json</c> (a verified part; the record
/// is written last, so it is what says "verified"), <c>{camera}/part-NNNNN.rejected</c> (the part
/// failed once and has not verified since) and <c>{camera}/camera.json</c> once the camera's
/// whole file is stored and verified. Camera ids hold no '.', so no camera folder can be mistaken
/// for one of the request's own files.
/// </summary>
internal sealed class FootageFiles(string folder)
{
    public string Folder { get; } = folder;

    public string Manifest => Path.Combine(Folder, "manifest.json");

    public string Receipt => Path.Combine(Folder, "manifest-receipt.json");

    public string Camera(string camera) => Path.Combine(Folder, camera);

    public string CameraRecord(string camera) => Path.Combine(Folder, camera, "camera.json");

    public string ChunkFolder(string camera, int part) => Path.Combine(Folder, camera, part.ToString(CultureInfo.InvariantCulture));

    public string Chunk(string camera, int part, int index) =>
        Path.Combine(ChunkFolder(camera, part), string.Create(CultureInfo.InvariantCulture, $"chunk-{index:D5}"));

    public string Part(string camera, int part) => Path.Combine(Folder, camera, string.Create(CultureInfo.InvariantCulture, $"part-{part:D5}.ts"));

    /// <summary>Present while a part that failed its check has not verified since: its chunks are stored but not confirmed.</summary>
    public string PartRejected(string camera, int part) => Path.Combine(Folder, camera, string.Create(CultureInfo.InvariantCulture, $"part-{part:D5}.rejected"));

    public string PartRecord(string camera, int part) => Path.Combine(Folder, camera, string.Create(CultureInfo.InvariantCulture, $"part-{part:D5}.json"));

    public static T? Read<T>(string path, JsonTypeInfo<T> type)
        where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), type) : null;

    public static void Write<T>(string path, T value, JsonTypeInfo<T> type) =>
        AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(value, type));

    /// <summary>Concatenates <paramref name="sources"/> into <paramref name="target"/>'s temporary file while hashing; the caller moves or deletes it.</summary>
    /// <returns>The temporary file, its length and its sha256 (lower-case hex).</returns>
    public static (string Temporary, long Bytes, string Sha256) Concatenate(IEnumerable<string> sources, string target)
    {
        var temporary = AtomicFile.TemporaryPathFor(target);
        using var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1024 * 1024];
        foreach (var source in sources)
        {
            using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read);
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }
        }

        output.Flush(flushToDisk: true);
        return (temporary, output.Length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
