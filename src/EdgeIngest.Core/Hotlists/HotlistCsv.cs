namespace EdgeIngest.Hotlists;

/// <summary>
/// Reads a hotlist CSV, the agency's source for <c>hotlist sign</c>: a header naming the columns
/// (<c>plate,category,reason,priority,region,expires_at,covert</c>, any order; plate and reason
/// required), or the old form without categories, <c>plate,reason[,priority]</c>, header or not
/// (category <c>unspecified</c>). Blank lines and lines starting with '#' are skipped. Any bad
/// line rejects the whole file, every bad line listed as <c>file:line: problem</c>, so a half-read
/// list is never signed.
/// </summary>
public static class HotlistCsv
{
    private const int MaxReportedProblems = 20;
    private static readonly string[] OldColumns = ["plate", "reason", "priority"];
    private static readonly string[] KnownColumns = ["plate", "category", "reason", "priority", "region", "expires_at", "covert"];

    public static IReadOnlyList<HotlistEntry> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new HotlistFormatException(path, ["the file does not exist"]);
        }

        return Parse(File.ReadAllLines(path), path);
    }

    public static IReadOnlyList<HotlistEntry> Parse(IReadOnlyList<string> lines, string source)
    {
        var entries = new List<HotlistEntry>(lines.Count);
        var problems = new List<string>();
        string[]? columns = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (columns is null)
            {
                if (line.StartsWith("plate", StringComparison.OrdinalIgnoreCase))
                {
                    columns = ReadHeader(line, out var headerProblem);
                    columns = columns.SequenceEqual(OldColumns) ? OldColumns : columns;
                    if (headerProblem is not null)
                    {
                        throw new HotlistFormatException(source, [$"{source}:{i + 1}: {headerProblem}"]);
                    }

                    continue;
                }

                columns = OldColumns;
            }

            var entry = ParseLine(line, columns, out var problem);
            if (entry is not null)
            {
                entries.Add(entry);
            }
            else if (problems.Count < MaxReportedProblems)
            {
                problems.Add($"{source}:{i + 1}: {problem}");
            }
        }

        return problems.Count == 0 ? entries : throw new HotlistFormatException(source, problems);
    }

    private static string[] ReadHeader(string line, out string? problem)
    {
        var names = CsvLine.Split(line, out problem);
        if (names is null)
        {
            return [];
        }

        var columns = names.Select(n => n.Trim().ToLowerInvariant()).ToArray();
        foreach (var column in columns)
        {
            if (!KnownColumns.Contains(column))
            {
                problem = $"unknown column '{column}' in the header; expected {string.Join(",", KnownColumns)}";
                return [];
            }
        }

        if (columns.Distinct().Count() != columns.Length)
        {
            problem = "a column is named twice in the header";
        }
        else if (!columns.Contains("plate") || !columns.Contains("reason"))
        {
            problem = "the header must name at least the plate and reason columns";
        }

        return columns;
    }

    private static HotlistEntry? ParseLine(string line, string[] columns, out string? problem)
    {
        var fields = CsvLine.Split(line, out problem);
        if (fields is null)
        {
            return null;
        }

        // Trailing optional columns may be left off; plate and reason must be there.
        var required = Math.Max(Array.IndexOf(columns, "plate"), Array.IndexOf(columns, "reason")) + 1;
        if (fields.Count < required || fields.Count > columns.Length)
        {
            problem = ReferenceEquals(columns, OldColumns)
                ? $"expected 2 or 3 fields (plate,reason[,priority]), found {fields.Count}"
                : $"expected {required} to {columns.Length} fields ({string.Join(",", columns)}), found {fields.Count}";
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            values[columns[i]] = fields[i].Trim();
        }

        return HotlistEntryRules.Build(
            values["plate"],
            values.GetValueOrDefault("category"),
            values["reason"],
            values.GetValueOrDefault("priority"),
            values.GetValueOrDefault("region"),
            values.GetValueOrDefault("expires_at"),
            values.GetValueOrDefault("covert"),
            out problem);
    }
}
