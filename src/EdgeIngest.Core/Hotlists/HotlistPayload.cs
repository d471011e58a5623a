using System.Globalization;
using System.Text.Json;

namespace EdgeIngest.Hotlists;

/// <summary>
/// Reads the payloads of signed hotlist documents: a full list (<c>edgeingest.hotlist/2</c>) or a
/// delta (<c>edgeingest.hotlist-delta/1</c>). Every problem is listed (up to 20), each naming the
/// field and, for an entry, its index (<c>entries[3]: category 'stolen' …</c>); unknown fields are
/// refused, so a misspelt <c>expires_at</c> is not silently ignored.
/// </summary>
public static class HotlistPayload
{
    private const int MaxReportedProblems = 20;
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 8 };
    private static readonly string[] FullFields = ["schema", "version", "issued_at", "entries"];
    private static readonly string[] DeltaFields = ["schema", "version", "base_version", "issued_at", "upserts", "removals"];
    private static readonly string[] EntryFields = ["plate", "category", "reason", "priority", "region", "expires_at", "covert"];

    public static HotlistDocument ReadFull(ReadOnlyMemory<byte> payload, string source)
    {
        using var document = Open(payload, source);
        var root = document.RootElement;
        var problems = new List<string>();
        CheckSchema(root, HotlistDocument.SchemaV2, problems);
        CheckFields(root, FullFields, "", problems);
        var version = ReadVersion(root, "version", problems);
        var issuedAt = ReadIssuedAt(root, problems);
        var entries = ReadEntries(root, "entries", problems);
        return problems.Count == 0 ? new HotlistDocument(version, issuedAt, entries) : throw new HotlistFormatException(source, problems);
    }

    public static HotlistDelta ReadDelta(ReadOnlyMemory<byte> payload, string source)
    {
        using var document = Open(payload, source);
        var root = document.RootElement;
        var problems = new List<string>();
        CheckSchema(root, HotlistDelta.SchemaV1, problems);
        CheckFields(root, DeltaFields, "", problems);
        var version = ReadVersion(root, "version", problems);
        var baseVersion = ReadVersion(root, "base_version", problems);
        if (problems.Count == 0 && version <= baseVersion)
        {
            problems.Add(Invariant($"version: {version} — a delta must be newer than its base_version {baseVersion}"));
        }

        var issuedAt = ReadIssuedAt(root, problems);
        var upserts = ReadEntries(root, "upserts", problems);
        var removals = ReadRemovals(root, problems);
        return problems.Count == 0 ? new HotlistDelta(version, baseVersion, issuedAt, upserts, removals) : throw new HotlistFormatException(source, problems);
    }

    private static JsonDocument Open(ReadOnlyMemory<byte> payload, string source)
    {
        try
        {
            var document = JsonDocument.Parse(payload, Options);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            throw new HotlistFormatException(source, ["the payload is not a JSON object"]);
        }
        catch (JsonException e)
        {
            throw new HotlistFormatException(source, [$"the payload is not valid JSON: {e.Message}"]);
        }
    }

    private static void CheckSchema(JsonElement root, string expected, List<string> problems)
    {
        var schema = root.TryGetProperty("schema", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (schema != expected)
        {
            problems.Add($"schema: '{schema ?? value.GetRawText()}' — expected '{expected}'");
        }
    }

    private static void CheckFields(JsonElement element, string[] known, string at, List<string> problems)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name) && problems.Count < MaxReportedProblems)
            {
                problems.Add($"{at}{property.Name}: unknown field; expected {string.Join(", ", known)}");
            }
        }
    }

    private static long ReadVersion(JsonElement root, string field, List<string> problems)
    {
        if (root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var version) && version > 0)
        {
            return version;
        }

        problems.Add($"{field}: {Describe(root, field)} — expected a whole number above 0");
        return 0;
    }

    private static DateTimeOffset ReadIssuedAt(JsonElement root, List<string> problems)
    {
        if (root.TryGetProperty("issued_at", out var value) && value.ValueKind == JsonValueKind.String && IsoTimestamps.TryParse(value.GetString(), out var issuedAt))
        {
            return issuedAt;
        }

        problems.Add($"issued_at: {Describe(root, "issued_at")} — {IsoTimestamps.Expected}");
        return default;
    }

    private static List<HotlistEntry> ReadEntries(JsonElement root, string field, List<string> problems)
    {
        var entries = new List<HotlistEntry>();
        if (!root.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{field}: {Describe(root, field)} — expected an array of entries");
            return entries;
        }

        entries.Capacity = array.GetArrayLength();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var at = Invariant($"{field}[{index}]");
            var entry = ReadEntry(element, at, problems);
            if (entry is not null)
            {
                entries.Add(entry);
            }

            if (problems.Count >= MaxReportedProblems)
            {
                break;
            }

            index++;
        }

        return entries;
    }

    private static HotlistEntry? ReadEntry(JsonElement element, string at, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: expected an object with plate, category, reason, priority");
            return null;
        }

        var before = problems.Count;
        CheckFields(element, EntryFields, at + ".", problems);
        var plate = String(element, "plate", at, required: true, problems);
        var category = String(element, "category", at, required: true, problems);
        var reason = String(element, "reason", at, required: true, problems);
        var priority = String(element, "priority", at, required: false, problems);
        var region = String(element, "region", at, required: false, problems);
        var expires = String(element, "expires_at", at, required: false, problems);
        string? covert = null;
        if (element.TryGetProperty("covert", out var flag) && flag.ValueKind != JsonValueKind.Null)
        {
            if (flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                covert = flag.GetBoolean() ? "true" : "false";
            }
            else
            {
                problems.Add($"{at}.covert: {flag.GetRawText()} — expected true or false");
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var entry = HotlistEntryRules.Build(plate!, category, reason!, priority, region, expires, covert, out var problem);
        if (entry is null)
        {
            problems.Add($"{at}: {problem}");
        }

        return entry;
    }

    private static List<string> ReadRemovals(JsonElement root, List<string> problems)
    {
        var removals = new List<string>();
        if (!root.TryGetProperty("removals", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"removals: {Describe(root, "removals")} — expected an array of plates (may be empty)");
            return removals;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            string? problem = null;
            var plate = element.ValueKind == JsonValueKind.String ? HotlistPlate.Normalize(element.GetString()!, out problem) : null;
            if (plate is not null)
            {
                removals.Add(plate);
            }
            else if (problems.Count < MaxReportedProblems)
            {
                problems.Add(Invariant($"removals[{index}]: {(element.ValueKind == JsonValueKind.String ? problem : element.GetRawText() + " — expected a plate")}"));
            }

            index++;
        }

        return removals;
    }

    private static string? String(JsonElement element, string field, string at, bool required, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"{at}.{field}: missing");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{at}.{field}: {value.GetRawText()} — expected a string");
            return null;
        }

        return value.GetString();
    }

    private static string Describe(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) ? $"'{value.GetRawText()}'" : "missing";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
