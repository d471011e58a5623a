namespace EdgeIngest.Hotlists;

/// <summary>
/// What makes an entry valid, the same for CSV lines and signed JSON: a plate
/// (<see cref="HotlistPlate"/>), a known category, a reason, a priority, an optional region,
/// expiry and covert flag. Each problem names the field and the value found.
/// </summary>
internal static class HotlistEntryRules
{
    public const int MaxReasonLength = 500;
    public const int MaxRegionLength = 16;

    public static HotlistEntry? Build(string plateText, string? category, string reason, string? priorityText, string? region, string? expiresText, string? covertText, out string? problem)
    {
        var plate = HotlistPlate.Normalize(plateText, out problem);
        if (plate is null)
        {
            return null;
        }

        category = string.IsNullOrWhiteSpace(category) ? HotlistCategories.Unspecified : category.Trim();
        if (!HotlistCategories.IsKnown(category))
        {
            problem = $"category '{category}' of plate {plate} — expected one of {string.Join(", ", HotlistCategories.All.Order(StringComparer.Ordinal))}";
            return null;
        }

        reason = reason.Trim();
        if (reason.Length == 0 || reason.Length > MaxReasonLength)
        {
            problem = reason.Length == 0
                ? $"plate {plate} has no reason — the investigator needs to know why it is listed"
                : $"reason of plate {plate} — {reason.Length} characters, at most {MaxReasonLength}";
            return null;
        }

        if (!HotlistPriorities.TryParse(priorityText, out var priority))
        {
            problem = $"priority '{priorityText}' of plate {plate} — {HotlistPriorities.Expected}";
            return null;
        }

        region = string.IsNullOrWhiteSpace(region) ? null : region.Trim().ToUpperInvariant();
        if (region is not null && (region.Length > MaxRegionLength || !region.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            problem = $"region '{region}' of plate {plate} — expected up to {MaxRegionLength} letters, digits or '-' (e.g. CA, US-CA)";
            return null;
        }

        DateTimeOffset? expires = null;
        if (!string.IsNullOrWhiteSpace(expiresText))
        {
            if (!IsoTimestamps.TryParseExpiry(expiresText, out var parsed))
            {
                problem = $"expires_at '{expiresText}' of plate {plate} — {IsoTimestamps.Expected}, or a date (through that day, UTC)";
                return null;
            }

            expires = parsed;
        }

        if (!TryParseFlag(covertText, out var covert))
        {
            problem = $"covert '{covertText}' of plate {plate} — expected true or false (blank: false)";
            return null;
        }

        problem = null;
        return new HotlistEntry(plate, reason, priority) { Category = category, Region = region, ExpiresAt = expires, Covert = covert };
    }

    private static bool TryParseFlag(string? text, out bool value)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "no" or "0":
                value = false;
                return true;
            case "true" or "yes" or "1":
                value = true;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
