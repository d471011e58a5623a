using System.Text.RegularExpressions;
using EdgeIngest.Footage;
using EdgeIngest.Receiving.Verification;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// The rules of a footage request's fields (docs/footage.md, <see cref="FootageRequestLimits"/>),
/// the same for the CLI that makes a request and the receiver that stores what comes back. Each
/// check returns what is wrong, or null, so the caller can name the option or the JSON field.
/// </summary>
public static partial class FootageFields
{
    public static string? CaseNumberProblem(string? value) => TextProblem(value, FootageRequestLimits.MaxCaseNumberLength, required: true);

    public static string? OfficerProblem(string? value) => TextProblem(value, FootageRequestLimits.MaxOfficerLength, required: true);

    public static string? NoteProblem(string? value) => TextProblem(value, FootageRequestLimits.MaxNoteLength, required: false, allowLineBreaks: true);

    public static string? ReasonCodeProblem(string? value) =>
        value is not null && ReasonCodePattern().IsMatch(value)
            ? null
            : $"'{value}' is not 1–{FootageRequestLimits.MaxReasonCodeLength} lower-case letters, digits, '.', '-' or '_'";

    /// <summary>Checks the request fields a manifest repeats; throws naming the field.</summary>
    public static void CheckRequest(string? caseNumber, string? reasonCode, string? officer, string? note)
    {
        Throw("case_number", CaseNumberProblem(caseNumber));
        Throw("reason_code", ReasonCodeProblem(reasonCode));
        Throw("officer", OfficerProblem(officer));
        Throw("note", NoteProblem(note));
    }

    public static void CheckAuditPosition(AuditPositionJson? position, string name)
    {
        if (position is null || position.Sequence < 1 || string.IsNullOrWhiteSpace(position.Hash) || position.Hash.Length > 128)
        {
            throw new MessageRejectedException($"'{name}' must be {{ \"sequence\": 1 or more, \"hash\": the record's hash }}");
        }
    }

    private static void Throw(string field, string? problem)
    {
        if (problem is not null)
        {
            throw new MessageRejectedException($"'{field}': {problem}");
        }
    }

    private static string? TextProblem(string? value, int max, bool required, bool allowLineBreaks = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return required ? "is missing or empty" : null;
        }

        if (value.Length > max)
        {
            return $"is {value.Length} characters, at most {max} allowed";
        }

        return value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            ? "contains control characters"
            : required && string.IsNullOrWhiteSpace(value) ? "is blank" : null;
    }

    [GeneratedRegex("^[a-z0-9_.-]{1,64}$")]
    private static partial Regex ReasonCodePattern();
}
