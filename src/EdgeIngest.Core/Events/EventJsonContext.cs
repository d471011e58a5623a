using System.Text.Json.Serialization;

namespace EdgeIngest.Events;

/// <summary>Source-generated JSON for the event payloads: snake_case, no reflection at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HitEvent))]
[JsonSerializable(typeof(ReadEvent))]
public sealed partial class EventJsonContext : JsonSerializerContext;
