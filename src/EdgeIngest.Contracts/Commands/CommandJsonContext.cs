using System.Text.Json.Serialization;

namespace EdgeIngest.Commands;

/// <summary>Source-generated JSON for command results: snake_case, no reflection at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CommandResult))]
public sealed partial class CommandJsonContext : JsonSerializerContext;
