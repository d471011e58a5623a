using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EdgeIngest.Configuration;

/// <summary>
/// What every EdgeIngest configuration file shares: snake_case YAML, relative paths resolved
/// against the file's folder, and every problem reported at once as a <see cref="ConfigException"/>
/// in the file's own terms (line, column, field) rather than YamlDotNet's CLR type names.
/// </summary>
public static partial class YamlConfigFile
{
    /// <param name="resolvePaths">Makes the config's relative paths absolute against the given folder.</param>
    /// <param name="validate">Lists every problem as <c>field: 'value' — what was expected</c>.</param>
    /// <param name="sectionOf">Names, as written in the file, the section a configuration type stands for.</param>
    public static T Load<T>(string path, Action<T, string> resolvePaths, Func<T, IReadOnlyList<string>> validate, Func<string, string> sectionOf)
        where T : class, new()
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ConfigException(path, ["the file does not exist"]);
        }

        T config;
        try
        {
            config = Parse<T>(File.ReadAllText(fullPath));
        }
        catch (YamlException e)
        {
            throw new ConfigException(path, [Describe(e, sectionOf)]);
        }

        resolvePaths(config, Path.GetDirectoryName(fullPath)!);
        var problems = validate(config);
        return problems.Count == 0 ? config : throw new ConfigException(path, problems);
    }

    /// <summary>Parses without validating or resolving paths (for tests and tools).</summary>
    public static T Parse<T>(string yaml)
        where T : class, new()
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        return deserializer.Deserialize<T?>(yaml) ?? new T();
    }

    /// <summary><paramref name="file"/> made absolute against <paramref name="baseDirectory"/>; blank stays blank.</summary>
    public static string Resolve(string file, string baseDirectory) =>
        string.IsNullOrWhiteSpace(file) ? file : Path.GetFullPath(file, baseDirectory);

    private static string Describe(YamlException e, Func<string, string> sectionOf)
    {
        var where = $"line {e.Start.Line}, column {e.Start.Column}";
        var unknown = UnknownPropertyPattern().Match(e.Message);
        if (unknown.Success)
        {
            return $"{where}: unknown field '{unknown.Groups["name"].Value}' in the {sectionOf(unknown.Groups["type"].Value)} section";
        }

        return $"{where}: {e.InnerException?.Message ?? e.Message}";
    }

    [GeneratedRegex(@"Property '(?<name>[^']+)' not found on type '(?:[\w.]+\.)?(?<type>\w+)'")]
    private static partial Regex UnknownPropertyPattern();
}
