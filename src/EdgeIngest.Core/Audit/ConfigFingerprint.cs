using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgeIngest.Audit;

/// <summary>
/// The configuration file as the audit remembers it: SHA-256 of its bytes, and a short hash per
/// top-level section (<c>broker=3f2a…;cameras=…</c>), so a later change can name the sections that
/// changed without the audit ever holding the file's content (it holds passwords).
/// </summary>
public sealed record ConfigFingerprint(string Sha256, string Sections)
{
    private const int SectionHashChars = 16;

    public static ConfigFingerprint Of(string configPath)
    {
        var bytes = File.ReadAllBytes(configPath);
        return new ConfigFingerprint(Convert.ToHexStringLower(SHA256.HashData(bytes)), SectionsOf(Encoding.UTF8.GetString(bytes)));
    }

    /// <summary>The top-level keys whose section differs between two <see cref="Sections"/> strings (added and removed ones too), sorted.</summary>
    public static IReadOnlyList<string> ChangedSections(string before, string after)
    {
        var old = Parse(before);
        var now = Parse(after);
        return [.. old.Keys.Union(now.Keys).Where(k => old.GetValueOrDefault(k) != now.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];
    }

    private static string SectionsOf(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return "";
            }

            // Each section's text as written, from its key to the next top-level key (YamlDotNet
            // does not keep where a block value ends), hashed.
            var keys = root.Children.Keys.OrderBy(k => k.Start.Index).ToList();
            var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count; i++)
            {
                var start = (int)keys[i].Start.Index;
                var end = i + 1 < keys.Count ? (int)keys[i + 1].Start.Index : yaml.Length;
                var text = yaml[start..Math.Max(start, end)].TrimEnd();
                parts[keys[i].ToString()] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..SectionHashChars];
            }

            return string.Join(';', parts.Select(p => $"{p.Key}={p.Value}"));
        }
        catch (YamlException)
        {
            // The loader reports a file that is not YAML; here only the whole-file hash counts.
            return "";
        }
    }

    private static Dictionary<string, string> Parse(string sections) =>
        sections.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
