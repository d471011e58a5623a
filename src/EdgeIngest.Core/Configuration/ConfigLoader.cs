using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EdgeIngest.Configuration;

/// <summary>
/// Reads the YAML configuration file, resolves relative paths against the file's folder, and
/// validates it. Anything wrong fails here, at start, with a message naming field and value.
/// </summary>
public static partial class ConfigLoader
{
    public static EdgeIngestConfig Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ConfigException(path, ["the file does not exist"]);
        }

        EdgeIngestConfig config;
        try
        {
            config = Parse(File.ReadAllText(fullPath));
        }
        catch (YamlException e)
        {
            throw new ConfigException(path, [Describe(e)]);
        }

        ResolvePaths(config, Path.GetDirectoryName(fullPath)!);
        var problems = ConfigValidator.Validate(config);
        return problems.Count == 0 ? config : throw new ConfigException(path, problems);
    }

    /// <summary>Parses without validating or resolving paths (for tests and tools).</summary>
    public static EdgeIngestConfig Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        return deserializer.Deserialize<EdgeIngestConfig?>(yaml) ?? new EdgeIngestConfig();
    }

    private static void ResolvePaths(EdgeIngestConfig config, string baseDirectory)
    {
        string Resolve(string file) => string.IsNullOrWhiteSpace(file) ? file : Path.GetFullPath(file, baseDirectory);

        config.Hotlist.File = Resolve(config.Hotlist.File);
        config.Storage.Directory = Resolve(config.Storage.Directory);

        // Clips cut for hits live with the rest of the device's data unless placed elsewhere.
        config.Clips.ClipDirectory = config.Clips.ClipDirectory is { } clips ? Resolve(clips) : Path.Combine(config.Storage.Directory, "clips");
        config.Clips.SegmentRoot = config.Clips.SegmentRoot is { } segments ? Resolve(segments) : null;
        if (config.Recognition.ModelsDirectory is { } models)
        {
            config.Recognition.ModelsDirectory = Resolve(models);
        }

        if (config.Broker.Tls is { } tls)
        {
            tls.CaFile = Resolve(tls.CaFile);
            tls.CertFile = tls.CertFile is null ? null : Resolve(tls.CertFile);
            tls.KeyFile = tls.KeyFile is null ? null : Resolve(tls.KeyFile);
        }
    }

    /// <summary>YamlDotNet's messages name CLR types; say it in the file's own terms instead.</summary>
    private static string Describe(YamlException e)
    {
        var where = $"line {e.Start.Line}, column {e.Start.Column}";
        var unknown = UnknownPropertyPattern().Match(e.Message);
        if (unknown.Success)
        {
            var type = unknown.Groups["type"].Value;
            var section = type == nameof(EdgeIngestConfig) ? "top-level" : SectionSuffix().Replace(type, "").ToLowerInvariant();
            return $"{where}: unknown field '{unknown.Groups["name"].Value}' in the {section} section";
        }

        var reason = e.InnerException?.Message ?? e.Message;
        return $"{where}: {reason}";
    }

    [GeneratedRegex("(Config|Options)$")]
    private static partial Regex SectionSuffix();

    [GeneratedRegex(@"Property '(?<name>[^']+)' not found on type '(?:[\w.]+\.)?(?<type>\w+)'")]
    private static partial Regex UnknownPropertyPattern();
}
