namespace EdgeIngest.Hotlists;

/// <summary>
/// The hotlist categories, as written in lists and in the agreement's allow-list (snake_case).
/// An agreement that allows a category lets a match on it become a hit; any other match is
/// counted on the box and never sent.
/// </summary>
public static class HotlistCategories
{
    public const string StolenVehicle = "stolen_vehicle";
    public const string StolenPlate = "stolen_plate";
    public const string AmberAlert = "amber_alert";
    public const string SilverAlert = "silver_alert";
    public const string WantedPerson = "wanted_person";
    public const string MissingPerson = "missing_person";
    public const string Bolo = "bolo";
    public const string ProtectionOrder = "protection_order";

    /// <summary>Entries from lists that predate categories (the v1 CSV): allowed only if the agreement names it.</summary>
    public const string Unspecified = "unspecified";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        StolenVehicle, StolenPlate, AmberAlert, SilverAlert, WantedPerson, MissingPerson, Bolo, ProtectionOrder, Unspecified,
    };

    public static bool IsKnown(string category) => All.Contains(category);
}
