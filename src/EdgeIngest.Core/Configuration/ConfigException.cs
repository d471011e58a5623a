namespace EdgeIngest.Configuration;

/// <summary>
/// A configuration file that cannot be used. The message names the file and, for each problem,
/// the field, the value and what was expected, so it can be fixed without reading code.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string file, IReadOnlyList<string> problems)
        : base(Format(file, problems))
    {
        File = file;
        Problems = problems;
    }

    public string File { get; }

    public IReadOnlyList<string> Problems { get; }

    private static string Format(string file, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"{file}: {problems[0]}"
            : $"{file} has {problems.Count} problems:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}";
}
