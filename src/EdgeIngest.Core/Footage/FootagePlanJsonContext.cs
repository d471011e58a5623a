using System.Text.Json.Serialization;

namespace EdgeIngest.Footage;

/// <summary>Source-generated JSON for what the footage store keeps of its own: the accepted spec and the delivery plan.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(FootageDeliveryPlan))]
[JsonSerializable(typeof(FootageRequestSpec))]
internal sealed partial class FootagePlanJsonContext : JsonSerializerContext;
