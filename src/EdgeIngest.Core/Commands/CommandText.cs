using System.Text.Json;

namespace EdgeIngest.Commands;

/// <summary>
/// Agency-supplied text echoed into reasons and logs: quoted, control characters replaced and
/// length capped, so a crafted value cannot forge log lines or flood them.
/// </summary>
internal static class CommandText
{
    private const int MaxQuotedLength = 64;

    public static string Quote(string value)
    {
        var cut = value.Length > MaxQuotedLength;
        var shown = cut ? value[..MaxQuotedLength] : value;
        var chars = shown.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return $"'{new string(chars)}{(cut ? "…" : "")}'";
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
