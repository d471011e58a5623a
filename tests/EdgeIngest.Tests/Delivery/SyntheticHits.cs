using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;

namespace EdgeIngest.Tests.Delivery;

/// <summary>Hit events as the read router makes them (real schema, UUIDv7 ids), without a camera: for delivery tests.</summary>
internal static class SyntheticHits
{
    public static OutgoingMessage Create(TopicLayout topics, int number)
    {
        var at = DateTimeOffset.UtcNow;
        var hit = new HitEvent(
            HitEvent.SchemaV1,
            Guid.CreateVersion7(at).ToString(),
            topics.DeviceId,
            "gate",
            at,
            $"TST{number:0000}",
            0.97f,
            new HotlistJson($"TST{number:0000}", "Synthetic test listing", "high"),
            new BoxJson(10, 20, 200, 50),
            new SnapshotJson(1280, 720, Convert.ToBase64String(new byte[2048]), Convert.ToBase64String(new byte[8192])));
        return new OutgoingMessage(topics.Hits, JsonSerializer.SerializeToUtf8Bytes(hit, EventJsonContext.Default.HitEvent), hit.EventId);
    }

    public static string EventIdOf(byte[] payload) =>
        JsonSerializer.Deserialize(payload, EventJsonContext.Default.HitEvent)!.EventId;
}
