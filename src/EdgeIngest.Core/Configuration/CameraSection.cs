using System.Globalization;
using EdgeIngest.Cameras;
using EdgeIngest.Enrollment;
using EdgeIngest.Motion;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace EdgeIngest.Configuration;

/// <summary>
/// Writes the camera list into the configuration file when the owner changes it in the console.
/// Only the keys the console edits (id, url, zone) are written; every other key of a camera that
/// stays (analysis_fps, motion, timeouts) and every other section are kept as the file had them.
/// </summary>
public static class CameraSection
{
    private const UnixFileMode NewConfigMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    public static void Write(string configFile, IReadOnlyList<CameraOptions> cameras)
    {
        var editor = DeviceConfigEditor.Open(configFile);
        var existing = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        if (editor.Node("cameras") is YamlSequenceNode written)
        {
            foreach (var node in written.Children.OfType<YamlMappingNode>())
            {
                if (node.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: { } value })
                {
                    existing[value] = node;
                }
            }
        }

        var section = new YamlSequenceNode();
        foreach (var camera in cameras)
        {
            var node = existing.GetValueOrDefault(camera.Id) ?? new YamlMappingNode();
            node.Children[new YamlScalarNode("id")] = new YamlScalarNode(camera.Id);
            node.Children[new YamlScalarNode("url")] = new YamlScalarNode(camera.Url);
            var zoneKey = new YamlScalarNode("zone");
            if (camera.Zone is { } zone)
            {
                node.Children[zoneKey] = ZoneNode(zone);
            }
            else
            {
                node.Children.Remove(zoneKey);
            }

            section.Add(node);
        }

        editor.SetSection("cameras", section);
        ReplacingFile.Write(configFile, System.Text.Encoding.UTF8.GetBytes(editor.ToYaml()), ReplacingFile.ModeOf(configFile, NewConfigMode));
    }

    private static YamlMappingNode ZoneNode(ZoneOptions zone)
    {
        if (zone.Rectangle is { } r)
        {
            return new YamlMappingNode(
                new YamlScalarNode("rectangle"),
                new YamlMappingNode(
                    Pair("x", r.X), Pair("y", r.Y), Pair("width", r.Width), Pair("height", r.Height)) { Style = MappingStyle.Flow });
        }

        var polygon = new YamlSequenceNode { Style = SequenceStyle.Flow };
        foreach (var point in zone.Polygon ?? [])
        {
            polygon.Add(new YamlSequenceNode(point.Select(Number)) { Style = SequenceStyle.Flow });
        }

        return new YamlMappingNode(new YamlScalarNode("polygon"), polygon);
    }

    private static KeyValuePair<YamlNode, YamlNode> Pair(string key, double value) => new(new YamlScalarNode(key), Number(value));

    private static YamlScalarNode Number(double value) =>
        new(value.ToString("0.####", CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };
}
