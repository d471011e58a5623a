namespace EdgeIngest.Hotlists;

/// <summary>
/// A hotlist file that cannot be used. Lists every bad line as <c>file:line: problem</c>; a hotlist
/// that fails to load never replaces the one in use.
/// </summary>
public sealed class HotlistFormatException(string file, IReadOnlyList<string> problems)
    : Exception($"hotlist {file} is not valid:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
{
    public string File { get; } = file;

    public IReadOnlyList<string> Problems { get; } = problems;
}
