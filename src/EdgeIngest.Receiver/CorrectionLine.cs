using System.Globalization;
using EdgeIngest.Events;

namespace EdgeIngest.Receiving;

/// <summary>
/// The line an agency operator sees when a hit sent early is corrected by its pass's final vote:
/// the hit it corrects, the final plate, and whether that is still a hotlist match.
/// </summary>
public static class CorrectionLine
{
    public static string Format(HitCorrectionEvent correction) => string.Create(CultureInfo.InvariantCulture,
        $"CORRECTION of hit {correction.CorrectsEventId}  {correction.DeviceId}/{correction.CameraId}  final plate {correction.Plate}  " +
        $"confidence {correction.Confidence:0.00} over {correction.Reads} read(s)  — {Outcome(correction)}  — event {correction.EventId}");

    private static string Outcome(HitCorrectionEvent correction) => correction.Hotlist is { } entry
        ? $"still a hit: {entry.Reason} (listed {entry.Plate})"
        : "NO LONGER A HOTLIST MATCH: do not act on the hit";
}
