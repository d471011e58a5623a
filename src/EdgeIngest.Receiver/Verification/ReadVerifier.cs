using System.Text.Json;
using EdgeIngest.Events;

namespace EdgeIngest.Receiving.Verification;

/// <summary>Checks an <c>edgeingest.read/1</c> payload; also holds the identity checks a hit shares.</summary>
public static class ReadVerifier
{
    public static (ReadEvent Read, string EventId) Verify(ReadOnlyMemory<byte> payload, string topicDeviceId)
    {
        using var document = JsonPayload.Open(payload, ReadEvent.SchemaV1, topicDeviceId);
        var root = document.RootElement;
        var eventId = JsonPayload.RequireEventId(root);
        var read = JsonPayload.Read(root, EventJsonContext.Default.ReadEvent, "read");

        CheckIdentity(read.CameraId, read.OccurredAt, read.Plate, read.Confidence, read.Box);
        return (read, eventId);
    }

    internal static void CheckIdentity(string? cameraId, DateTimeOffset occurredAt, string? plate, float confidence, BoxJson? box)
    {
        if (string.IsNullOrEmpty(cameraId))
        {
            throw new MessageRejectedException("'camera_id' is missing");
        }

        if (occurredAt == default)
        {
            throw new MessageRejectedException("'occurred_at' is missing");
        }

        if (string.IsNullOrEmpty(plate))
        {
            throw new MessageRejectedException("'plate' is missing");
        }

        if (!(confidence is >= 0 and <= 1))
        {
            throw new MessageRejectedException($"'confidence' is {confidence}, expected 0 to 1");
        }

        if (box is null)
        {
            throw new MessageRejectedException("'box' is missing");
        }
    }
}
