using System.Globalization;
using EdgeIngest.Receiving.Output;

namespace EdgeIngest.Receiving;

/// <summary>
/// The one line an agency operator sees per new hit. A look-alike or wildcard match says so first:
/// the investigator confirms the snapshot against the listed plate before acting.
/// </summary>
public static class HitLine
{
    public static string Format(StoredHit hit) => string.Create(CultureInfo.InvariantCulture,
        $"HIT  {hit.OccurredAt.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z  {hit.DeviceId}/{hit.CameraId}  {hit.Plate}  confidence {hit.Confidence:0.00}  " +
        $"— {hit.Hotlist.Reason} [{hit.Hotlist.Priority}{Category(hit)}] (listed {hit.Hotlist.Plate}){Match(hit)}  — event {hit.EventId}");

    private static string Category(StoredHit hit) => hit.Hotlist.Category is { } category ? $", {category}" : "";

    private static string Match(StoredHit hit) => hit.Match switch
    {
        null or { Kind: "exact" } => "",
        { Kind: "look_alike" } match => string.Create(CultureInfo.InvariantCulture, $"  CONFIRM BEFORE ACTING: look-alike match, {match.Distance} character(s) differ"),
        var match => $"  CONFIRM BEFORE ACTING: {match.Kind} match",
    };
}
