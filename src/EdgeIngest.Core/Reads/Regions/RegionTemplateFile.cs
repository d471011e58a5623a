namespace EdgeIngest.Reads.Regions;

/// <summary>
/// Reads one region's template file (<c>models/regions/CODE.txt</c>): one plate layout per line,
/// each position <c>L</c> (a letter), <c>9</c> (a digit) or <c>?</c> (either), written without
/// the spaces, dashes or emblems the plate shows between groups (the recogniser reads none of
/// them). <c>#</c> starts a comment, to the end of the line; blank lines are ignored. Layouts come
/// in order of preference: when a read can be corrected to fit two layouts with as many changes,
/// the first listed wins.
/// </summary>
public static class RegionTemplateFile
{
    /// <summary>The fewest positions a layout may have.</summary>
    public const int MinPositions = 2;

    /// <summary>The most positions a layout may have (the longest plates anywhere have about 11).</summary>
    public const int MaxPositions = 16;

    /// <summary>The layouts of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="RegionTemplateException">The file is missing, empty or has a bad line.</exception>
    public static IReadOnlyList<PositionClass[]> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegionTemplateException(path, 0, $"cannot be read ({e.Message})");
        }

        return Parse(lines, path);
    }

    /// <summary>The layouts in <paramref name="lines"/>; <paramref name="source"/> names them in errors.</summary>
    /// <exception cref="RegionTemplateException">No layout at all, or a bad line (the first one found).</exception>
    public static IReadOnlyList<PositionClass[]> Parse(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var layouts = new List<PositionClass[]>();
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            var content = WithoutComment(lines[i]).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            if (content.AsSpan().IndexOfAny(' ', '\t') >= 0)
            {
                throw new RegionTemplateException(source, number,
                    $"'{content}' — expected one layout per line, without spaces (write 'LLL 9999' as 'LLL9999'), then an optional '# comment'");
            }

            if (firstSeen.TryGetValue(content, out var earlier))
            {
                throw new RegionTemplateException(source, number, $"'{content}' — the same layout as line {earlier}");
            }

            layouts.Add(ParseLayout(content, source, number));
            firstSeen.Add(content, number);
        }

        return layouts.Count > 0 ? layouts : throw new RegionTemplateException(source, 0, "holds no layout (expected lines such as 'LLL9999')");
    }

    private static string WithoutComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    private static PositionClass[] ParseLayout(string layout, string source, int line)
    {
        if (layout.Length is < MinPositions or > MaxPositions)
        {
            throw new RegionTemplateException(source, line, $"'{layout}' — a layout has {MinPositions} to {MaxPositions} positions, not {layout.Length}");
        }

        var positions = new PositionClass[layout.Length];
        for (var p = 0; p < layout.Length; p++)
        {
            positions[p] = layout[p] switch
            {
                'L' => PositionClass.Letter,
                '9' => PositionClass.Digit,
                '?' => PositionClass.Either,
                var other => throw new RegionTemplateException(source, line,
                    $"'{layout}' — position {p + 1} is '{other}'; expected L (a letter), 9 (a digit) or ? (either)"),
            };
        }

        return positions;
    }
}
