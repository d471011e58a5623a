using System.Globalization;
using EdgeIngest.Footage;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// The line an agency operator sees for a footage request: each change of state the device reports
/// (approved with its window, declined and why, expired, delivered, failed and why), and the
/// receiver's own line when the footage has all arrived and is verified.
/// </summary>
public static class FootageLine
{
    public static string Format(FootageStatusEvent status) => string.Create(CultureInfo.InvariantCulture,
        $"FOOTAGE {status.DeviceId}  request {status.RequestId}  case {status.CaseNumber}  {status.State.ToUpperInvariant()}{Detail(status)}  " +
        $"— at {status.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, device audit #{status.AuditPosition.Sequence}");

    public static string Delivered(FootageResult result, string relativeFolder) => string.Create(CultureInfo.InvariantCulture,
        $"FOOTAGE {result.DeviceId}  request {result.RequestId}  case {result.CaseNumber}  RECEIVED {result.Cameras} camera file(s), {result.Bytes} bytes, sha256 verified  → {relativeFolder}");

    private static string Detail(FootageStatusEvent status)
    {
        var by = status.By is { Length: > 0 } who ? $" by {who}" : "";
        var why = status.Reason is { Length: > 0 } reason ? $": {reason}" : "";
        return status.State == FootageStates.Approved && status.ApprovedFrom is { } from && status.ApprovedTo is { } to
            ? string.Create(CultureInfo.InvariantCulture, $" {from.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z – {to.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z{by}")
            : $"{by}{why}";
    }
}
