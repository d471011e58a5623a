using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeIngest.Events;

namespace EdgeIngest.Tests.Receiving;

/// <summary>Payloads as a device sends them (docs/events.md), built from the appliance's own event types.</summary>
internal static class DevicePayloads
{
    /// <summary>A minimal JPEG-looking byte string: the SOI marker, some bytes, the EOI marker.</summary>
    public static byte[] Jpeg(byte fill, int length = 300)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, fill);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }

    public static HitEvent Hit(string deviceId, string? eventId = null, string plate = "7ABC123") => new(
        HitEvent.SchemaV1,
        eventId ?? Guid.CreateVersion7().ToString(),
        deviceId,
        "gate",
        new DateTimeOffset(2026, 11, 21, 6, 31, 7, 412, TimeSpan.Zero),
        plate,
        0.98f,
        new HotlistJson(plate, "Stolen vehicle", "critical"),
        new BoxJson(512, 431, 262, 72),
        new SnapshotJson(1280, 720, Convert.ToBase64String(Jpeg(0x11)), Convert.ToBase64String(Jpeg(0x22, 2000))));

    /// <summary>A look-alike hit as this version of the device sends it (<c>edgeingest.hit/2</c>).</summary>
    public static HitEvent HitV2(string deviceId, string? eventId = null) => Hit(deviceId, eventId, plate: "7A8C123") with
    {
        Schema = HitEvent.SchemaV2,
        Hotlist = new HotlistJson("7ABC123", "Stolen vehicle", "critical", "stolen_vehicle", "CA", 12, false),
        Match = new MatchJson("look_alike", 1, true, "7A8C123"),
        AgreementVersion = 3,
    };

    public static byte[] Json(HitEvent hit) => JsonSerializer.SerializeToUtf8Bytes(hit, EventJsonContext.Default.HitEvent);

    public static byte[] Status(string deviceId, string state = "online") => Encoding.UTF8.GetBytes(
        $$"""{"schema":"edgeingest.status/1","device_id":"{{deviceId}}","state":"{{state}}","at":"2026-11-21T07:00:00.000+00:00","version":"1.0.0"}""");

    public static byte[] Heartbeat(string deviceId, int uptimeSeconds) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $$"""
        {
          "schema": "edgeingest.heartbeat/1", "device_id": "{{deviceId}}", "at": "2026-11-21T07:00:30.000+00:00",
          "uptime_seconds": {{uptimeSeconds}}, "cameras": [], "outbox": { "events": 0 }, "disk": { "free_bytes": 1 }
        }
        """));

    public static byte[] Drop(string deviceId, string eventId) => Encoding.UTF8.GetBytes(
        $$"""{"schema":"edgeingest.drop/1","device_id":"{{deviceId}}","at":"2026-11-21T07:01:00.000+00:00","kind":"clip","event_id":"{{eventId}}","bytes":1843200,"reason":"outbox disk budget of 256 MB exhausted"}""");

    public static byte[] ClipManifest(string deviceId, string eventId, long bytes, int chunkBytes, string sha256) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $$"""
        { "schema": "edgeingest.clip/1", "event_id": "{{eventId}}", "device_id": "{{deviceId}}", "camera_id": "gate",
          "content_type": "video/mp4", "bytes": {{bytes}}, "chunk_bytes": {{chunkBytes}}, "chunks": {{(bytes + chunkBytes - 1) / chunkBytes}},
          "sha256": "{{sha256}}", "starts_at": "2026-11-21T07:00:55.000+00:00", "ends_at": "2026-11-21T07:01:10.000+00:00", "truncated_pre_roll": false }
        """));
}
