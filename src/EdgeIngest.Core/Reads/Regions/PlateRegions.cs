using EdgeIngest.Installation;

namespace EdgeIngest.Reads.Regions;

/// <summary>
/// The regions whose plate layouts reads are matched and corrected against: one template file per
/// region in <c>models/regions/</c> (<c>us.txt</c>, <c>br.txt</c>, ...; the file's name is the
/// region's code), read once at start. <c>any</c> stands for no region: no layouts at all.
/// </summary>
public static class PlateRegions
{
    /// <summary>No regional layouts: reads rank by size alone and are never corrected.</summary>
    public const string Any = "any";

    /// <summary>The region used when none is configured.</summary>
    public const string Default = "us";

    public const string FileExtension = ".txt";

    /// <summary>Where the template files are found: <c>models/regions/</c> under the installation.</summary>
    public static string DefaultDirectory => DirectoryUnder(InstallLayout.ModelsDirectory);

    /// <summary>The template folder of a models folder.</summary>
    public static string DirectoryUnder(string modelsDirectory) => Path.Combine(modelsDirectory, "regions");

    /// <summary>
    /// The template folder for a configured models folder (<c>recognition.models_directory</c>):
    /// its own <c>regions/</c> when it has one, else the installation's, so a folder holding only
    /// other model files still finds the shipped templates.
    /// </summary>
    public static string DirectoryFor(string? modelsDirectory) =>
        modelsDirectory is not null && Directory.Exists(DirectoryUnder(modelsDirectory)) ? DirectoryUnder(modelsDirectory) : DefaultDirectory;

    /// <summary>
    /// The region codes in <paramref name="value"/>: one code (<c>us</c>) or a list (<c>br,uk</c>,
    /// <c>[br, uk]</c>), trimmed and in lower case, each once, in the order given.
    /// </summary>
    public static IReadOnlyList<string> ParseList(string? value)
    {
        var inner = (value ?? string.Empty).Trim();
        if (inner.StartsWith('[') && inner.EndsWith(']'))
        {
            inner = inner[1..^1];
        }

        return Normalize(inner.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary><paramref name="names"/> trimmed, in lower case, empty ones dropped, each once.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every region with a template file in <paramref name="directory"/>, and <c>any</c>; sorted.</summary>
    public static IReadOnlyList<string> Known(string directory)
    {
        var codes = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*" + FileExtension).Select(f => Path.GetFileNameWithoutExtension(f).ToLowerInvariant())
            : [];
        return codes.Append(Any).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// What is wrong with choosing <paramref name="names"/> from <paramref name="directory"/>, in
    /// words, or null when nothing is: no region, an unknown one (the known ones are listed),
    /// <c>any</c> beside others, or a template file that does not parse (file, line, problem).
    /// </summary>
    public static string? Problem(string directory, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var known = Known(directory);
        var knownList = string.Join(", ", known);
        if (names.Count == 0)
        {
            return $"no region given; expected a region or a list of regions from: {knownList}";
        }

        var unknown = names.Where(n => !known.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            return $"{string.Join(", ", unknown.Select(n => $"'{n}'"))} is not a known region; expected a region or a list of regions from: {knownList} (template files in {directory})";
        }

        if (names.Count > 1 && names.Contains(Any, StringComparer.Ordinal))
        {
            return $"'{Any}' means no regional layouts and cannot be combined with other regions";
        }

        try
        {
            Load(directory, names);
            return null;
        }
        catch (RegionTemplateException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// The layouts of <paramref name="names"/> compiled together, each region's in its file's order,
    /// regions in the order given; <see cref="PlateLayouts.None"/> for <c>any</c>.
    /// </summary>
    /// <exception cref="RegionTemplateException">A region has no template file, or its file does not parse.</exception>
    public static PlateLayouts Load(string directory, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0 || (names.Count == 1 && names[0] == Any))
        {
            return PlateLayouts.None;
        }

        var layouts = new List<PositionClass[]>();
        foreach (var name in names)
        {
            var file = Path.Combine(directory, name + FileExtension);
            if (!File.Exists(file))
            {
                throw new RegionTemplateException(file, 0, $"no template file for region '{name}' (known: {string.Join(", ", Known(directory))})");
            }

            layouts.AddRange(RegionTemplateFile.Read(file));
        }

        return PlateLayouts.Compile(layouts);
    }
}
