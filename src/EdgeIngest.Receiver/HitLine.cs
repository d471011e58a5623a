using System.Globalization;
using EdgeIngest.Receiving.Output;

namespace EdgeIngest.Receiving;

/// <summary>The one line an agency operator sees per new hit.</summary>
public static class HitLine
{
    public static string Format(StoredHit hit) => string.Create(CultureInfo.InvariantCulture,
        $"HIT  {hit.OccurredAt.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z  {hit.DeviceId}/{hit.CameraId}  {hit.Plate}  confidence {hit.Confidence:0.00}  " +
        $"— {hit.Hotlist.Reason} [{hit.Hotlist.Priority}] (listed {hit.Hotlist.Plate})  — event {hit.EventId}");
}
