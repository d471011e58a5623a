namespace EdgeIngest.Receiving.Topics;

/// <summary>
/// Event ids are UUIDs (v7 from the appliance). The normalized form (lower-case, hyphenated) is the
/// de-duplication key and the file name, so "019A…" and "019a…" are the same event.
/// </summary>
public static class EventIds
{
    public static bool TryNormalize(string? text, out string normalized)
    {
        if (text is not null && Guid.TryParseExact(text, "D", out var id))
        {
            normalized = id.ToString("D");
            return true;
        }

        normalized = "";
        return false;
    }
}
