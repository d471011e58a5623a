using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgeIngest.Enrollment;

/// <summary>
/// Sets the keys enrollment owns in the device's YAML configuration and leaves every other key as
/// it was (cameras, zones, storage, recognition): the file is edited as a YAML tree, not rebuilt
/// from <see cref="Configuration.EdgeIngestConfig"/>, so nothing the owner set is lost or
/// defaulted. (Comments are not kept: YamlDotNet's tree does not carry them.)
/// </summary>
public sealed class DeviceConfigEditor
{
    private readonly YamlMappingNode _root;

    private DeviceConfigEditor(YamlMappingNode root) => _root = root;

    /// <summary>The file's tree, or an empty one when there is no file yet; throws <see cref="EnrollmentException"/> when it is not a YAML mapping.</summary>
    public static DeviceConfigEditor Open(string path)
    {
        if (!File.Exists(path))
        {
            return new DeviceConfigEditor(new YamlMappingNode());
        }

        try
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(path)))
            {
                stream.Load(reader);
            }

            return stream.Documents.Count == 0
                ? new DeviceConfigEditor(new YamlMappingNode())
                : stream.Documents[0].RootNode is YamlMappingNode root
                    ? new DeviceConfigEditor(root)
                    : throw new EnrollmentException(path, ["the existing configuration is not a YAML mapping of sections; fix or move it first"]);
        }
        catch (YamlException e)
        {
            throw new EnrollmentException(path, [$"the existing configuration cannot be read (line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}); fix or move it first"]);
        }
    }

    /// <summary>The node at a dotted path (a section, a list or a value), or null.</summary>
    public YamlNode? Node(string dottedPath) => Find(dottedPath);

    /// <summary>Puts <paramref name="node"/> at a top-level key, replacing what was there (the key keeps its place).</summary>
    public DeviceConfigEditor SetSection(string key, YamlNode node)
    {
        _root.Children[new YamlScalarNode(key)] = node;
        return this;
    }

    /// <summary>The scalar at a dotted path (<c>device.id</c>), or null.</summary>
    public string? Get(string dottedPath) => (Find(dottedPath) as YamlScalarNode)?.Value;

    /// <summary>Whether the file sets <paramref name="dottedPath"/> at all (a section, a list or a value).</summary>
    public bool Has(string dottedPath) => Find(dottedPath) is not null;

    private YamlNode? Find(string dottedPath)
    {
        YamlNode node = _root;
        foreach (var key in dottedPath.Split('.'))
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    public DeviceConfigEditor Set(string dottedPath, string value) => SetNode(dottedPath, new YamlScalarNode(value));

    public DeviceConfigEditor Set(string dottedPath, int value) =>
        SetNode(dottedPath, new YamlScalarNode(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain });

    public string ToYaml()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(_root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlStream ends every document with "...": valid, but foreign to a hand-edited file.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private DeviceConfigEditor SetNode(string dottedPath, YamlScalarNode value)
    {
        var keys = dottedPath.Split('.');
        var mapping = _root;
        foreach (var key in keys[..^1])
        {
            var name = new YamlScalarNode(key);
            if (!mapping.Children.TryGetValue(name, out var child) || child is not YamlMappingNode section)
            {
                section = new YamlMappingNode();
                mapping.Children[name] = section;
            }

            mapping = section;
        }

        mapping.Children[new YamlScalarNode(keys[^1])] = value;
        return this;
    }
}
