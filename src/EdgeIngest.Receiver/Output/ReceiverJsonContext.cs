using System.Text.Json.Serialization;

namespace EdgeIngest.Receiving.Output;

/// <summary>Source-generated JSON for what the receiver writes: snake_case, like the wire payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StoredHit))]
public sealed partial class ReceiverJsonContext : JsonSerializerContext;
