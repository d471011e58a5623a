namespace EdgeIngest.Hotlists;

/// <summary>
/// Reads a hotlist CSV: an optional header <c>plate,reason,priority</c>, then one plate a line.
/// Priority is low, medium, high or critical (default high when the column is empty). Blank lines
/// and lines starting with '#' are skipped. Any bad line rejects the whole file, with every bad
/// line listed, so a half-read list never silently replaces a good one.
/// </summary>
public static class HotlistLoader
{
    private const int MaxReportedProblems = 20;

    public static Hotlist Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new HotlistFormatException(path, ["the file does not exist"]);
        }

        return Parse(File.ReadAllLines(path), path);
    }

    public static Hotlist Parse(IReadOnlyList<string> lines, string source)
    {
        var entries = new List<HotlistEntry>(lines.Count);
        var problems = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#' || (i == 0 && IsHeader(line)))
            {
                continue;
            }

            var entry = ParseLine(line, out var problem);
            if (entry is not null)
            {
                entries.Add(entry);
            }
            else if (problems.Count < MaxReportedProblems)
            {
                problems.Add($"{source}:{i + 1}: {problem}");
            }
        }

        return problems.Count == 0 ? new Hotlist(entries) : throw new HotlistFormatException(source, problems);
    }

    private static bool IsHeader(string line) => line.StartsWith("plate", StringComparison.OrdinalIgnoreCase);

    private static HotlistEntry? ParseLine(string line, out string? problem)
    {
        var fields = CsvLine.Split(line, out problem);
        if (fields is null)
        {
            return null;
        }

        if (fields.Count is < 2 or > 3)
        {
            problem = $"expected 2 or 3 fields (plate,reason[,priority]), found {fields.Count}";
            return null;
        }

        var plate = PlateKey.Clean(fields[0]);
        if (plate.Length is < 2 or > 10)
        {
            problem = $"plate '{fields[0].Trim()}' — expected 2 to 10 letters or digits";
            return null;
        }

        var reason = fields[1].Trim();
        if (reason.Length == 0)
        {
            problem = $"plate {plate} has no reason — the investigator needs to know why it is listed";
            return null;
        }

        var priorityText = fields.Count == 3 ? fields[2].Trim() : "";
        if (!TryParsePriority(priorityText, out var priority))
        {
            problem = $"priority '{priorityText}' — expected low, medium, high or critical";
            return null;
        }

        problem = null;
        return new HotlistEntry(plate, reason, priority);
    }

    private static bool TryParsePriority(string text, out HotlistPriority priority)
    {
        if (text.Length == 0)
        {
            priority = HotlistPriority.High;
            return true;
        }

        return Enum.TryParse(text, ignoreCase: true, out priority) && Enum.IsDefined(priority) && !int.TryParse(text, out _);
    }
}
