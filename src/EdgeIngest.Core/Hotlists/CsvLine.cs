namespace EdgeIngest.Hotlists;

/// <summary>
/// Splits one CSV line (RFC 4180: commas, double-quoted fields with "" for a quote). Reasons in
/// agency exports often contain commas, so quoting must work.
/// </summary>
internal static class CsvLine
{
    /// <summary>The fields of <paramref name="line"/>, or null with <paramref name="error"/> set.</summary>
    public static List<string>? Split(string line, out string? error)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }

            i++;
        }

        if (quoted)
        {
            error = "a quoted field is not closed";
            return null;
        }

        fields.Add(field.ToString());
        error = null;
        return fields;
    }
}
