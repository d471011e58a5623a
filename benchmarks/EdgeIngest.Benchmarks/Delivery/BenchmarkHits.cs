using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Outbox;

namespace EdgeIngest.Benchmarks.Delivery;

/// <summary>
/// Real <c>edgeingest.hit/1</c> messages of about 70 KB (two inline snapshots, as a camera's hit
/// carries), for the delivery benchmarks: the same payload for latency and for backlog drain.
/// </summary>
internal static class BenchmarkHits
{
    private const int SnapshotBytes = 45_000;

    public static OutgoingMessage Make(TopicLayout topics, int number)
    {
        var at = DateTimeOffset.UtcNow;
        var plate = $"BEN{number:0000}";
        var hit = new HitEvent(
            HitEvent.SchemaV1,
            Guid.CreateVersion7(at).ToString(),
            topics.DeviceId,
            "gate",
            at,
            plate,
            0.98f,
            new HotlistJson(plate, "Benchmark listing", "high"),
            new BoxJson(512, 431, 262, 72),
            new SnapshotJson(1280, 720, Convert.ToBase64String(new byte[SnapshotBytes / 5]), Convert.ToBase64String(new byte[SnapshotBytes])));
        return new OutgoingMessage(topics.Hits, JsonSerializer.SerializeToUtf8Bytes(hit, EventJsonContext.Default.HitEvent), hit.EventId);
    }
}
