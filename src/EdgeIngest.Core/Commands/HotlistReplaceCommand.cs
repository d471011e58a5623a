using System.Globalization;
using System.Text.Json;
using EdgeIngest.Hotlists;

namespace EdgeIngest.Commands;

/// <summary>
/// <c>hotlist.replace</c>: a complete hotlist as CSV with a version above the one in use. The
/// order is validate, parse, store, swap: every step that can fail comes before the swap, so a
/// refused list changes neither the list in use nor the stored files.
/// </summary>
internal sealed class HotlistReplaceCommand(HotlistHolder hotlists, HotlistStore store)
{
    private const string CsvSource = "hotlist.csv";

    public CommandVerdict Apply(JsonElement command)
    {
        if (!command.TryGetProperty("hotlist", out var hotlist) || hotlist.ValueKind != JsonValueKind.Object)
        {
            return CommandVerdict.Refused("hotlist.replace needs a hotlist object with version and csv");
        }

        var versionProblem = ReadVersion(hotlist, out var version);
        if (versionProblem is not null)
        {
            return CommandVerdict.Refused(versionProblem);
        }

        var previous = hotlists.Current;
        if (version <= previous.Version)
        {
            return CommandVerdict.Refused(Invariant($"hotlist version {version} is not newer than version {previous.Version} in use"));
        }

        if (!hotlist.TryGetProperty("csv", out var csvElement) || csvElement.ValueKind != JsonValueKind.String)
        {
            return CommandVerdict.Refused("hotlist.csv is missing or not a string");
        }

        var csv = csvElement.GetString()!;
        Hotlist parsed;
        try
        {
            parsed = HotlistLoader.Parse(Lines(csv), CsvSource);
        }
        catch (HotlistFormatException e)
        {
            return CommandVerdict.Refused(Invariant($"hotlist version {version} is not valid: {string.Join("; ", e.Problems)}"));
        }

        string path;
        try
        {
            path = store.Save(version, csv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CommandVerdict.Refused(Invariant($"hotlist version {version} could not be stored: {e.Message}"));
        }

        if (!hotlists.TryReplace(new VersionedHotlist(parsed, version, path)))
        {
            return CommandVerdict.Refused(Invariant($"hotlist version {version} was overtaken by version {hotlists.Current.Version}"));
        }

        store.Prune(version, previous.Version);
        return CommandVerdict.Done(Invariant($"hotlist replaced: version {previous.Version} → {version}, {parsed.Count:N0} plates"));
    }

    private static string? ReadVersion(JsonElement hotlist, out long version)
    {
        version = 0;
        if (!hotlist.TryGetProperty("version", out var element))
        {
            return "hotlist.version is missing";
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out version)
            ? null
            : $"hotlist.version must be an integer, found {CommandText.Quote(element.GetRawText())}";
    }

    /// <summary>Splits like File.ReadAllLines, so line numbers here match those of the stored file.</summary>
    private static List<string> Lines(string csv)
    {
        var lines = new List<string>();
        using var reader = new StringReader(csv);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
