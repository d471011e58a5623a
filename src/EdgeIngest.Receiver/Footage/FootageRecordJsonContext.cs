using System.Text.Json.Serialization;

namespace EdgeIngest.Receiving.Footage;

/// <summary>Source-generated JSON for the footage records the receiver writes: snake_case, indented for people.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(CustodyRecord))]
[JsonSerializable(typeof(VerifiedPart))]
[JsonSerializable(typeof(VerifiedCamera))]
[JsonSerializable(typeof(ManifestReceipt))]
[JsonSerializable(typeof(DeliveredFootage))]
public sealed partial class FootageRecordJsonContext : JsonSerializerContext;
