using System.Text.Json;

namespace EdgeIngest.Commands;

/// <summary>
/// The fields every <c>edgeingest.command/1</c> carries: <c>schema</c>, <c>command_id</c> and
/// <c>type</c>. Each check returns null when the field is good, or the reason it is not.
/// </summary>
internal static class CommandEnvelope
{
    public const string SchemaV1 = "edgeingest.command/1";

    public static string? CheckSchema(JsonElement command)
    {
        if (!command.TryGetProperty("schema", out var schema))
        {
            return $"command has no schema; expected '{SchemaV1}'";
        }

        if (schema.ValueKind != JsonValueKind.String)
        {
            return $"schema must be a string, found {CommandText.Describe(schema.ValueKind)}; expected '{SchemaV1}'";
        }

        var text = schema.GetString()!;
        return text == SchemaV1 ? null : $"schema {CommandText.Quote(text)} is not supported; expected '{SchemaV1}'";
    }

    /// <summary>Reads <c>command_id</c>; <paramref name="commandId"/> is set only when it is usable.</summary>
    public static string? CheckCommandId(JsonElement command, out string? commandId)
    {
        commandId = null;
        if (!command.TryGetProperty("command_id", out var id))
        {
            return "command has no command_id";
        }

        if (id.ValueKind != JsonValueKind.String)
        {
            return $"command_id must be a string, found {CommandText.Describe(id.ValueKind)}";
        }

        var text = id.GetString()!;
        var problem = CheckCommandIdText(text);
        commandId = problem is null ? text : null;
        return problem;
    }

    public static string? CheckCommandIdText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "command_id is empty";
        }

        if (text.Length > CommandLimits.MaxCommandIdLength)
        {
            return $"command_id of {text.Length} characters exceeds the {CommandLimits.MaxCommandIdLength}-character limit";
        }

        return text.AsSpan().ContainsAnyInRange('\0', '\x1f') || text.Contains('\x7f', StringComparison.Ordinal)
            ? "command_id contains control characters"
            : null;
    }

    public static string? CheckType(JsonElement command, out string type)
    {
        type = "";
        if (!command.TryGetProperty("type", out var element) || element.ValueKind != JsonValueKind.String)
        {
            return $"command has no type; {CommandTypes.Expected}";
        }

        type = element.GetString()!;
        return null;
    }
}
