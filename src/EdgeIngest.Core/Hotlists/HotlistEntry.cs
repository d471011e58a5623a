namespace EdgeIngest.Hotlists;

/// <summary>
/// One plate the agency is looking for, and why. A plate containing <c>?</c> (one character) or
/// <c>*</c> (any run) is a wildcard entry for a partial plate.
/// </summary>
public sealed record HotlistEntry(string Plate, string Reason, HotlistPriority Priority)
{
    /// <summary>One of <see cref="HotlistCategories"/>; the agreement's allow-list is written in these.</summary>
    public string Category { get; init; } = HotlistCategories.Unspecified;

    /// <summary>The issuing state or region, when the agency gives one (e.g. "CA").</summary>
    public string? Region { get; init; }

    /// <summary>After this instant the entry no longer matches.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>A covert entry's hit goes to the agency but is never shown on the box.</summary>
    public bool Covert { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;
}
