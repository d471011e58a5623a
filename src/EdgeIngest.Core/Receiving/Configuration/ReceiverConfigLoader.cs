using System.Text.RegularExpressions;
using EdgeIngest.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EdgeIngest.Receiving.Configuration;

/// <summary>
/// Reads the receiver's YAML file, resolves relative paths against the file's folder and validates
/// it, the same way the appliance's <see cref="ConfigLoader"/> does: every problem at once, named by
/// field, as a <see cref="ConfigException"/>.
/// </summary>
public static partial class ReceiverConfigLoader
{
    public static ReceiverConfig Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ConfigException(path, ["the file does not exist"]);
        }

        ReceiverConfig config;
        try
        {
            config = Parse(File.ReadAllText(fullPath));
        }
        catch (YamlException e)
        {
            throw new ConfigException(path, [Describe(e)]);
        }

        ResolvePaths(config, Path.GetDirectoryName(fullPath)!);
        var problems = ReceiverConfigValidator.Validate(config);
        return problems.Count == 0 ? config : throw new ConfigException(path, problems);
    }

    public static ReceiverConfig Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        return deserializer.Deserialize<ReceiverConfig?>(yaml) ?? new ReceiverConfig();
    }

    private static void ResolvePaths(ReceiverConfig config, string baseDirectory)
    {
        string Resolve(string file) => string.IsNullOrWhiteSpace(file) ? file : Path.GetFullPath(file, baseDirectory);

        config.OutputDirectory = Resolve(config.OutputDirectory);
        if (config.Broker.Tls is { } tls)
        {
            tls.CaFile = Resolve(tls.CaFile);
            tls.CertFile = tls.CertFile is null ? null : Resolve(tls.CertFile);
            tls.KeyFile = tls.KeyFile is null ? null : Resolve(tls.KeyFile);
        }
    }

    /// <summary>YamlDotNet names CLR types; say it in the file's own terms instead.</summary>
    private static string Describe(YamlException e)
    {
        var where = $"line {e.Start.Line}, column {e.Start.Column}";
        var unknown = UnknownPropertyPattern().Match(e.Message);
        if (unknown.Success)
        {
            var section = unknown.Groups["type"].Value switch
            {
                nameof(ReceiverBrokerConfig) => "broker",
                nameof(TlsConfig) => "broker.tls",
                _ => "top-level",
            };
            return $"{where}: unknown field '{unknown.Groups["name"].Value}' in the {section} section";
        }

        return $"{where}: {e.InnerException?.Message ?? e.Message}";
    }

    [GeneratedRegex(@"Property '(?<name>[^']+)' not found on type '(?:[\w.]+\.)?(?<type>\w+)'")]
    private static partial Regex UnknownPropertyPattern();
}
