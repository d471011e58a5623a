using System.Text.RegularExpressions;

namespace EdgeIngest.Configuration;

/// <summary>
/// Reads the appliance's YAML configuration file, resolves relative paths against the file's
/// folder, and validates it. Anything wrong fails here, at start, with a message naming field and value.
/// </summary>
public static partial class ConfigLoader
{
    public static EdgeIngestConfig Load(string path)
    {
        var config = YamlConfigFile.Load<EdgeIngestConfig>(path, ResolvePaths, ConfigValidator.Validate, SectionOf);
        config.SourceFile = Path.GetFullPath(path);
        return config;
    }

    /// <summary>Parses without validating or resolving paths (for tests and tools).</summary>
    public static EdgeIngestConfig Parse(string yaml) => YamlConfigFile.Parse<EdgeIngestConfig>(yaml);

    private static void ResolvePaths(EdgeIngestConfig config, string baseDirectory)
    {
        string Resolve(string file) => YamlConfigFile.Resolve(file, baseDirectory);

        config.Hotlist.File = Resolve(config.Hotlist.File);
        config.Agency.PublicKeyFile = Resolve(config.Agency.PublicKeyFile);
        if (config.Agreement.File is { } agreement)
        {
            config.Agreement.File = Resolve(agreement);
        }

        if (config.Registration.File is { } registration)
        {
            config.Registration.File = Resolve(registration);
        }

        config.Storage.Directory = Resolve(config.Storage.Directory);

        // Clips cut for hits live with the rest of the device's data unless placed elsewhere.
        config.Clips.ClipDirectory = config.Clips.ClipDirectory is { } clips ? Resolve(clips) : Path.Combine(config.Storage.Directory, "clips");
        config.Clips.SegmentRoot = config.Clips.SegmentRoot is { } segments ? Resolve(segments) : null;
        config.Recording.Directory = config.Recording.Directory is { } recordings
            ? Resolve(recordings)
            : Path.Combine(config.Storage.Directory, RecordingConfig.DefaultSubdirectory);
        if (config.Recognition.ModelsDirectory is { } models)
        {
            config.Recognition.ModelsDirectory = Resolve(models);
        }

        config.Broker.Tls?.ResolvePaths(baseDirectory);
        config.Console.CertFile = config.Console.CertFile is { } cert ? Resolve(cert) : null;
        config.Console.KeyFile = config.Console.KeyFile is { } key ? Resolve(key) : null;
    }

    /// <summary>CameraOptions → "camera", BrokerConfig → "broker": the section as the file names it.</summary>
    private static string SectionOf(string type) =>
        type == nameof(EdgeIngestConfig) ? "top-level" : SectionSuffix().Replace(type, "").ToLowerInvariant();

    [GeneratedRegex("(Config|Options)$")]
    private static partial Regex SectionSuffix();
}
