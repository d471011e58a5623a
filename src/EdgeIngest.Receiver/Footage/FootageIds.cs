using System.Text;
using System.Text.RegularExpressions;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// The ids of footage that name folders at the agency: request ids (<c>[A-Za-z0-9_.-]{1,64}</c>, as
/// docs/footage.md says, but never <c>.</c> or <c>..</c>), camera ids (as the device's configuration
/// checks them) and the case number, which may hold any printable character and so is turned into
/// a folder name that cannot leave <c>footage/</c>.
/// </summary>
public static partial class FootageIds
{
    public const string RequestIdRule = "1–64 letters, digits, '.', '-' or '_' (not '.' or '..')";

    public const string CameraIdRule = "1–64 letters, digits, '-' or '_'";

    public static bool IsRequestId(string? id) => id is not null && RequestIdPattern().IsMatch(id) && id is not "." and not "..";

    public static bool IsCameraId(string? id) => id is not null && CameraIdPattern().IsMatch(id);

    /// <summary>
    /// The case number as a folder name: characters other than letters, digits, '.', '-' and '_'
    /// become '_', and a leading '.' gets a '_' before it (no hidden folder, no "..").
    /// </summary>
    public static string CaseFolder(string caseNumber)
    {
        var name = new StringBuilder(caseNumber.Length + 1);
        foreach (var c in caseNumber)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        if (name.Length == 0 || name[0] == '.')
        {
            name.Insert(0, '_');
        }

        return name.ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CameraIdPattern();
}
