using System.Globalization;
using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Demo;

/// <summary>Stands in for the agency: prints each hit as its subscriber receives it from the broker.</summary>
internal static class AgencyPrinter
{
    public static void Print(MqttReceivedMessage message)
    {
        HitEvent? hit;
        try
        {
            hit = JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.HitEvent);
        }
        catch (JsonException e)
        {
            Console.WriteLine($"AGENCY  received an unreadable message on {message.Topic}: {e.Message}");
            return;
        }

        if (hit is null)
        {
            return;
        }

        var plateKb = Base64Bytes(hit.Snapshot.PlateJpeg) / 1024.0;
        var frameKb = Base64Bytes(hit.Snapshot.FrameJpeg) / 1024.0;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"AGENCY  ◀ HIT {hit.Plate} on {hit.DeviceId}/{hit.CameraId} at {hit.OccurredAt:HH:mm:ss.fff}Z, confidence {hit.Confidence:0.00} — listed {hit.Hotlist.Plate}: {hit.Hotlist.Reason} [{hit.Hotlist.Priority}] — snapshots {plateKb:0.0} KB plate + {frameKb:0} KB frame — event {hit.EventId}"));
    }

    private static int Base64Bytes(string base64) => base64.Length / 4 * 3;
}
