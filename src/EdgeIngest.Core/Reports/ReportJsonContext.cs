using System.Text.Json.Serialization;

namespace EdgeIngest.Reports;

/// <summary>Source-generated JSON for <c>report --json</c>: snake_case, indented for reading.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(TransparencyReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
