using System.Text.Json.Serialization;

namespace EdgeIngest.Events;

/// <summary>Source-generated JSON for the event payloads: snake_case, no reflection at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HitEvent))]
[JsonSerializable(typeof(ReadEvent))]
[JsonSerializable(typeof(HitCorrectionEvent))]
[JsonSerializable(typeof(StatusEvent))]
[JsonSerializable(typeof(HeartbeatEvent))]
[JsonSerializable(typeof(DropEvent))]
[JsonSerializable(typeof(ClipManifestEvent))]
[JsonSerializable(typeof(AckEvent))]
public sealed partial class EventJsonContext : JsonSerializerContext;
