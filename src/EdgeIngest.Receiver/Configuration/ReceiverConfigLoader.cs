using EdgeIngest.Configuration;

namespace EdgeIngest.Receiving.Configuration;

/// <summary>
/// Reads the receiver's YAML file, resolves relative paths against the file's folder and validates
/// it, the same way the appliance's <see cref="ConfigLoader"/> does: every problem at once, named by
/// field, as a <see cref="ConfigException"/>.
/// </summary>
public static class ReceiverConfigLoader
{
    public static ReceiverConfig Load(string path) =>
        YamlConfigFile.Load<ReceiverConfig>(path, ResolvePaths, ReceiverConfigValidator.Validate, SectionOf);

    public static ReceiverConfig Parse(string yaml) => YamlConfigFile.Parse<ReceiverConfig>(yaml);

    private static void ResolvePaths(ReceiverConfig config, string baseDirectory)
    {
        config.OutputDirectory = YamlConfigFile.Resolve(config.OutputDirectory, baseDirectory);
        config.Broker.Tls?.ResolvePaths(baseDirectory);
    }

    private static string SectionOf(string type) => type switch
    {
        nameof(ReceiverBrokerConfig) => "broker",
        nameof(TlsConfig) => "broker.tls",
        _ => "top-level",
    };
}
