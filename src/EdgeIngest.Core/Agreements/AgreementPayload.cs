using System.Text.Json;
using EdgeIngest.Configuration;
using EdgeIngest.Hotlists;

namespace EdgeIngest.Agreements;

/// <summary>
/// Reads and writes the payload of a signed agreement (<c>edgeingest.agreement/1</c>). Reading
/// lists every problem at once, each naming the field; unknown fields are refused.
/// </summary>
public static class AgreementPayload
{
    /// <summary>Ten years: longer retention is certainly a typo.</summary>
    public const int MaxRetentionDays = 3650;

    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 8 };
    private static readonly string[] Fields = ["schema", "agreement_id", "version", "agency", "allowed_categories", "sharing_policy", "retention_days", "valid_from", "valid_until", "footage"];
    private static readonly string[] FootageFields = ["recording_hours", "max_window_hours", "answer_within_days"];
    private static readonly string[] RetentionFields = ["reads", "hits", "evidence"];

    public static SharingAgreement Read(ReadOnlyMemory<byte> payload, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, Options);
        }
        catch (JsonException e)
        {
            throw new AgreementFormatException(source, [$"the payload is not valid JSON: {e.Message}"]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AgreementFormatException(source, ["the payload is not a JSON object"]);
            }

            var problems = new List<string>();
            var schema = Text(root, "schema", problems);
            if (schema is not null && schema != SharingAgreement.SchemaV1)
            {
                problems.Add($"schema: '{schema}' — expected '{SharingAgreement.SchemaV1}'");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name))
                {
                    problems.Add($"{property.Name}: unknown field; expected {string.Join(", ", Fields)}");
                }
            }

            var id = Text(root, "agreement_id", problems);
            if (id is not null && (id.Length > 128 || id.Any(char.IsControl)))
            {
                problems.Add($"agreement_id: '{id}' — expected at most 128 characters without control characters");
            }

            var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n > 0 ? n : 0;
            if (version == 0)
            {
                problems.Add($"version: {Describe(root, "version")} — expected a whole number above 0");
            }

            var agency = Text(root, "agency", problems);
            var categories = ReadCategories(root, problems);
            var policy = ReadPolicy(root, problems);
            var retention = ReadRetention(root, problems);
            var validFrom = Time(root, "valid_from", problems);
            var validUntil = Time(root, "valid_until", problems);
            var footage = ReadFootage(root, problems);
            if (validFrom is { } from && validUntil is { } until && until <= from)
            {
                problems.Add($"valid_until: '{IsoTimestamps.Format(until)}' — expected a time after valid_from '{IsoTimestamps.Format(from)}'");
            }

            return problems.Count == 0
                ? new SharingAgreement(id!, version, agency!, categories, policy, retention!, validFrom!.Value, validUntil!.Value, footage)
                : throw new AgreementFormatException(source, problems);
        }
    }

    public static byte[] Write(SharingAgreement agreement)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", SharingAgreement.SchemaV1);
            writer.WriteString("agreement_id", agreement.AgreementId);
            writer.WriteNumber("version", agreement.Version);
            writer.WriteString("agency", agreement.Agency);
            writer.WriteStartArray("allowed_categories");
            foreach (var category in agreement.AllowedCategories.Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(category);
            }

            writer.WriteEndArray();
            writer.WriteString("sharing_policy", PolicyName(agreement.Policy));
            writer.WriteStartObject("retention_days");
            writer.WriteNumber("reads", agreement.Retention.Reads);
            writer.WriteNumber("hits", agreement.Retention.Hits);
            writer.WriteNumber("evidence", agreement.Retention.Evidence);
            writer.WriteEndObject();
            writer.WriteString("valid_from", IsoTimestamps.Format(agreement.ValidFrom));
            writer.WriteString("valid_until", IsoTimestamps.Format(agreement.ValidUntil));
            writer.WriteStartObject("footage");
            writer.WriteNumber("recording_hours", agreement.FootageTerms.RecordingHours);
            writer.WriteNumber("max_window_hours", agreement.FootageTerms.MaxWindowHours);
            writer.WriteNumber("answer_within_days", agreement.FootageTerms.AnswerWithinDays);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string PolicyName(SharingPolicy policy) => policy == SharingPolicy.AllReads ? "all_reads" : "hits_only";

    private static HashSet<string> ReadCategories(JsonElement root, List<string> problems)
    {
        var categories = new HashSet<string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("allowed_categories", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"allowed_categories: {Describe(root, "allowed_categories")} — expected an array of hotlist categories ({string.Join(", ", HotlistCategories.All.Order(StringComparer.Ordinal))})");
            return categories;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var name = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
            if (name is null || !HotlistCategories.IsKnown(name))
            {
                problems.Add($"allowed_categories[{index}]: {element.GetRawText()} — expected one of {string.Join(", ", HotlistCategories.All.Order(StringComparer.Ordinal))}");
            }
            else
            {
                categories.Add(name);
            }

            index++;
        }

        return categories;
    }

    private static SharingPolicy ReadPolicy(JsonElement root, List<string> problems)
    {
        var text = root.TryGetProperty("sharing_policy", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        switch (text)
        {
            case "hits_only":
                return SharingPolicy.HitsOnly;
            case "all_reads":
                return SharingPolicy.AllReads;
            default:
                problems.Add($"sharing_policy: {Describe(root, "sharing_policy")} — expected 'hits_only' or 'all_reads'");
                return SharingPolicy.HitsOnly;
        }
    }

    private static RetentionDays? ReadRetention(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("retention_days", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"retention_days: {Describe(root, "retention_days")} — expected {{\"reads\":R,\"hits\":H,\"evidence\":E}} in days");
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!RetentionFields.Contains(property.Name))
            {
                problems.Add($"retention_days.{property.Name}: unknown field; expected reads, hits, evidence");
            }
        }

        var before = problems.Count;
        var days = new int[RetentionFields.Length];
        for (var i = 0; i < RetentionFields.Length; i++)
        {
            var field = RetentionFields[i];
            if (element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var d) && d is >= 0 and <= MaxRetentionDays)
            {
                days[i] = d;
            }
            else
            {
                problems.Add($"retention_days.{field}: {Describe(element, field)} — expected whole days from 0 to {MaxRetentionDays}");
            }
        }

        return problems.Count == before ? new RetentionDays(days[0], days[1], days[2]) : null;
    }

    /// <summary>The optional <c>footage</c> object; each of its fields is optional too and defaults to <see cref="FootageTerms.Default"/>.</summary>
    private static FootageTerms? ReadFootage(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("footage", out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"footage: '{element.GetRawText()}' — expected {{\"recording_hours\":H,\"max_window_hours\":W,\"answer_within_days\":D}}");
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!FootageFields.Contains(property.Name))
            {
                problems.Add($"footage.{property.Name}: unknown field; expected {string.Join(", ", FootageFields)}");
            }
        }

        var defaults = FootageTerms.Default;
        return new FootageTerms(
            Hours(element, "recording_hours", defaults.RecordingHours, FootageTerms.MaxRecordingHours, "hours", problems),
            Hours(element, "max_window_hours", defaults.MaxWindowHours, FootageTerms.MaxWindowHoursLimit, "hours", problems),
            Hours(element, "answer_within_days", defaults.AnswerWithinDays, FootageTerms.MaxAnswerWithinDays, "days", problems));
    }

    private static int Hours(JsonElement footage, string field, int fallback, int max, string unit, List<string> problems)
    {
        if (!footage.TryGetProperty(field, out var value))
        {
            return fallback;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 1 && n <= max)
        {
            return n;
        }

        problems.Add($"footage.{field}: '{value.GetRawText()}' — expected whole {unit} from 1 to {max}");
        return fallback;
    }

    private static string? Text(JsonElement root, string field, List<string> problems)
    {
        if (root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!.Trim();
        }

        problems.Add($"{field}: {Describe(root, field)} — expected a non-empty string");
        return null;
    }

    private static DateTimeOffset? Time(JsonElement root, string field, List<string> problems)
    {
        if (root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && IsoTimestamps.TryParse(value.GetString(), out var time))
        {
            return time;
        }

        problems.Add($"{field}: {Describe(root, field)} — {IsoTimestamps.Expected}");
        return null;
    }

    private static string Describe(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) ? $"'{value.GetRawText()}'" : "missing";
}
