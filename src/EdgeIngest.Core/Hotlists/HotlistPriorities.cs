namespace EdgeIngest.Hotlists;

/// <summary>Priorities as written in lists: low, medium, high or critical (any case); blank means high.</summary>
public static class HotlistPriorities
{
    public const string Expected = "expected low, medium, high or critical";

    public static bool TryParse(string? text, out HotlistPriority priority)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            priority = HotlistPriority.High;
            return true;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out priority) && Enum.IsDefined(priority) && !int.TryParse(text, out _);
    }

    public static string Name(HotlistPriority priority) => priority.ToString().ToLowerInvariant();
}
