using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeIngest.Footage;

/// <summary>
/// Reads the <c>footage</c> object of a <c>footage.request</c> command into a <see cref="FootageRequestSpec"/>,
/// checking every field against docs/footage.md "The request" and <see cref="FootageRequestLimits"/>.
/// Each problem is named by its field, so the agency learns what to fix.
/// </summary>
internal static partial class FootageRequestParser
{
    /// <summary>Null when <paramref name="requestId"/> may name topics and folders, else why not.</summary>
    public static string? CheckRequestId(string requestId) => RequestIdPattern().IsMatch(requestId)
        ? null
        : $"the command_id of a footage request is its request id and names topics and folders: it must be 1 to 64 characters of A-Z, a-z, 0-9, '_', '.', '-', found {Quote(requestId)}";

    /// <summary>Null and the spec when the request is well formed, else the reason and a null spec.</summary>
    public static string? Parse(JsonElement command, out FootageRequestSpec? spec)
    {
        spec = null;
        if (!command.TryGetProperty("footage", out var footage) || footage.ValueKind != JsonValueKind.Object)
        {
            return "footage.request needs \"footage\": an object with case_number, reason_code, officer, cameras, from and to";
        }

        if (!footage.TryGetProperty("case_number", out var caseElement) || caseElement.ValueKind == JsonValueKind.Null
            || (caseElement.ValueKind == JsonValueKind.String && caseElement.GetString()!.Trim().Length == 0))
        {
            return "footage request has no case number (footage.case_number): a request must name its case";
        }

        string? reasonCode = null, officer = null, note = null;
        IReadOnlyList<string>? cameras = null;
        DateTimeOffset from = default, to = default;
        var problem = Text(footage, "case_number", FootageRequestLimits.MaxCaseNumberLength, required: true, out var caseNumber);
        problem ??= Text(footage, "reason_code", FootageRequestLimits.MaxReasonCodeLength, required: true, out reasonCode);
        problem ??= Text(footage, "officer", FootageRequestLimits.MaxOfficerLength, required: true, out officer);
        problem ??= Text(footage, "note", FootageRequestLimits.MaxNoteLength, required: false, out note, allowLineBreaks: true);
        problem ??= Cameras(footage, out cameras);
        problem ??= Time(footage, "from", out from);
        problem ??= Time(footage, "to", out to);
        if (problem is not null)
        {
            return problem;
        }

        if (!ReasonCodePattern().IsMatch(reasonCode!))
        {
            return $"footage.reason_code {Quote(reasonCode!)} must be lower-case letters, digits, '_', '.' or '-'";
        }

        if (from >= to)
        {
            return $"footage.from ({Iso(from)}) must be before footage.to ({Iso(to)})";
        }

        spec = new FootageRequestSpec(caseNumber!, reasonCode!, officer!, cameras!, from, to, note);
        return null;
    }

    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Quote(string value)
    {
        var shown = value.Length > 64 ? value[..64] + "…" : value;
        return $"'{new string([.. shown.Select(c => char.IsControl(c) ? '?' : c)])}'";
    }

    private static string? Text(JsonElement footage, string name, int maxLength, bool required, out string? value, bool allowLineBreaks = false)
    {
        value = null;
        if (!footage.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return required ? $"footage request has no {name} (footage.{name})" : null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return $"footage.{name} must be a string, found {element.ValueKind.ToString().ToLowerInvariant()}";
        }

        var text = element.GetString()!;
        if (required && text.Trim().Length == 0)
        {
            return $"footage.{name} is empty";
        }

        if (text.Length > maxLength)
        {
            return $"footage.{name} of {text.Length} characters exceeds the {maxLength}-character limit";
        }

        if (text.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')))
        {
            return $"footage.{name} contains control characters";
        }

        value = text;
        return null;
    }

    private static string? Cameras(JsonElement footage, out IReadOnlyList<string>? cameras)
    {
        cameras = null;
        if (!footage.TryGetProperty("cameras", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            return "footage request has no cameras (footage.cameras): a list of 1 to 16 camera ids";
        }

        var count = element.GetArrayLength();
        if (count is < 1 or > FootageRequestLimits.MaxCameras)
        {
            return $"footage.cameras must name 1 to {FootageRequestLimits.MaxCameras} cameras, found {count}";
        }

        var list = new List<string>(count);
        foreach (var camera in element.EnumerateArray())
        {
            if (camera.ValueKind != JsonValueKind.String || camera.GetString() is not { Length: > 0 } id)
            {
                return "footage.cameras must hold camera ids (non-empty strings)";
            }

            if (list.Contains(id, StringComparer.Ordinal))
            {
                return $"footage.cameras names camera {Quote(id)} twice";
            }

            list.Add(id);
        }

        cameras = list;
        return null;
    }

    private static string? Time(JsonElement footage, string name, out DateTimeOffset at)
    {
        at = default;
        if (!footage.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return $"footage request has no {name} (footage.{name}, ISO 8601 with offset)";
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return $"footage.{name} must be an ISO 8601 time with offset as a string";
        }

        var text = element.GetString()!;
        if (!OffsetPattern().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            return $"footage.{name} {Quote(text)} is not an ISO 8601 time with offset (e.g. 2026-12-06T14:00:00Z)";
        }

        // To the millisecond, as the store keeps every time: an approval of "all of it" must be
        // exactly the requested window, not a few ticks outside it.
        at = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex("^[a-z0-9_.-]+$")]
    private static partial Regex ReasonCodePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetPattern();
}
