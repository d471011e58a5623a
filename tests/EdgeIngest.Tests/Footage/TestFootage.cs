using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeIngest.Footage;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Receiving;

namespace EdgeIngest.Tests.Footage;

/// <summary>
/// Approved footage as a device sends it (docs/footage.md): random bytes per camera, cut into parts
/// of the given sizes, each part as chunks of <see cref="ChunkBytes"/>; the manifest and status
/// events built from the shared contract types.
/// </summary>
internal sealed class TestFootage
{
    public const int ChunkBytes = 16 * 1024;

    public static readonly DateTimeOffset RequestedFrom = new(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset RequestedTo = RequestedFrom.AddMinutes(30);
    public static readonly DateTimeOffset ApprovedTo = RequestedFrom.AddMinutes(20);
    public static readonly DateTimeOffset ApprovedAt = new(2026, 12, 6, 15, 2, 11, TimeSpan.Zero);

    public TestFootage(string requestId, string caseNumber, params (string Camera, int[] PartSizes)[] cameras)
    {
        RequestId = requestId;
        CaseNumber = caseNumber;
        foreach (var (camera, sizes) in cameras)
        {
            var random = new Random(camera.Length + sizes.Sum());
            Parts[camera] = [.. sizes.Select(size =>
            {
                var part = new byte[size];
                random.NextBytes(part);
                return part;
            })];
        }
    }

    public string RequestId { get; }

    public string CaseNumber { get; }

    public string Device { get; init; } = AgencyPki.DeviceA;

    /// <summary>Per camera, the parts' bytes in order.</summary>
    public Dictionary<string, List<byte[]>> Parts { get; } = new(StringComparer.Ordinal);

    public byte[] Whole(string camera) => [.. Parts[camera].SelectMany(p => p)];

    public FootageManifestEvent ManifestEvent() => new(
        FootageManifestEvent.SchemaV1, RequestId, Device, CaseNumber, "burglary", "Det. A. Ruiz #4411", "white van, rear door",
        RequestedFrom, RequestedTo, RequestedFrom, ApprovedTo, "owner (console)", ApprovedAt,
        new AuditPositionJson(412, "9f2c0a"), FootageManifestEvent.MpegTs, ChunkBytes,
        [.. Parts.Select(camera => new FootageCameraJson(
            camera.Key, RequestedFrom.AddSeconds(-4), ApprovedTo.AddSeconds(3), camera.Value.Sum(p => (long)p.Length),
            Convert.ToHexStringLower(SHA256.HashData(Whole(camera.Key))),
            [.. camera.Value.Select((part, index) => new FootagePartJson(index, part.Length, Chunks(part), Convert.ToHexStringLower(SHA256.HashData(part))))]))]);

    public byte[] Manifest() => JsonSerializer.SerializeToUtf8Bytes(ManifestEvent(), FootageJsonContext.Default.FootageManifestEvent);

    public FootageStatusEvent Status(string state, string? reason = null) => new(
        FootageStatusEvent.SchemaV1, Guid.CreateVersion7().ToString(), RequestId, Device, CaseNumber, state, ApprovedAt,
        state is FootageStates.Approved or FootageStates.Declined ? "owner (console)" : null, reason,
        state == FootageStates.Approved ? RequestedFrom : null, state == FootageStates.Approved ? ApprovedTo : null,
        new AuditPositionJson(412, "9f2c0a"));

    public static byte[] Json(FootageStatusEvent status) => JsonSerializer.SerializeToUtf8Bytes(status, FootageJsonContext.Default.FootageStatusEvent);

    /// <summary>Every chunk of every part, as (camera, part, index).</summary>
    public IEnumerable<(string Camera, int Part, int Index)> AllChunks() =>
        Parts.SelectMany(camera => camera.Value.SelectMany((part, p) => Enumerable.Range(0, Chunks(part)).Select(i => (camera.Key, p, i))));

    public byte[] Chunk(string camera, int part, int index)
    {
        var bytes = Parts[camera][part];
        var start = index * ChunkBytes;
        return bytes[start..Math.Min(start + ChunkBytes, bytes.Length)];
    }

    public string ChunkTopic(string camera, int part, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"edgeingest/{Device}/footage/{RequestId}/{camera}/{part}/chunks/{index}");

    public string ManifestTopic => $"edgeingest/{Device}/footage/{RequestId}/manifest";

    public Task SendManifestAsync(IMqttClient device) => device.PublishAsync(ManifestTopic, Manifest());

    public Task SendChunkAsync(IMqttClient device, string camera, int part, int index) =>
        device.PublishAsync(ChunkTopic(camera, part, index), Chunk(camera, part, index));

    public Task SendStatusAsync(IMqttClient device, FootageStatusEvent status) =>
        device.PublishAsync($"edgeingest/{Device}/footage-status", Json(status));

    private static int Chunks(byte[] part) => (part.Length + ChunkBytes - 1) / ChunkBytes;
}
