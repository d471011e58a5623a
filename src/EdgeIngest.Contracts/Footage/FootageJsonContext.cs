using System.Text.Json.Serialization;

namespace EdgeIngest.Footage;

/// <summary>Source-generated JSON for the footage messages: snake_case, no reflection at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(FootageRequestCommand))]
[JsonSerializable(typeof(FootageStatusEvent))]
[JsonSerializable(typeof(FootageManifestEvent))]
public sealed partial class FootageJsonContext : JsonSerializerContext;
