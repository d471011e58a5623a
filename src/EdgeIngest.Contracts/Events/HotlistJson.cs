namespace EdgeIngest.Events;

/// <summary>
/// The hotlist entry that a hit matched: the listed plate, why, how urgent, its category, the
/// region it was issued in (if the agency gave one), the version of the list it came from, and
/// whether it is covert (never shown on the box). The last four are in <c>edgeingest.hit/2</c> only.
/// </summary>
public sealed record HotlistJson(
    string Plate,
    string Reason,
    string Priority,
    string? Category = null,
    string? Region = null,
    long? ListVersion = null,
    bool? Covert = null);
