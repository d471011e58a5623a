using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Receiving.Topics;

namespace EdgeIngest.Receiving.Verification;

/// <summary>Checks an <c>edgeingest.hit-correction/1</c> payload: who sent it, which hit it corrects, and the final plate.</summary>
public static class CorrectionVerifier
{
    public static (HitCorrectionEvent Correction, string EventId) Verify(ReadOnlyMemory<byte> payload, string topicDeviceId)
    {
        using var document = JsonPayload.Open(payload, HitCorrectionEvent.SchemaV1, topicDeviceId);
        var root = document.RootElement;
        var eventId = JsonPayload.RequireEventId(root);
        var correction = JsonPayload.Read(root, EventJsonContext.Default.HitCorrectionEvent, "correction");

        if (string.IsNullOrEmpty(correction.CorrectsEventId) || !EventIds.TryNormalize(correction.CorrectsEventId, out var corrects))
        {
            throw new MessageRejectedException($"'corrects_event_id' is '{correction.CorrectsEventId}', expected the UUID of the hit it corrects");
        }

        ReadVerifier.CheckIdentity(correction.CameraId, correction.OccurredAt, correction.Plate, correction.Confidence, new BoxJson(0, 0, 0, 0));
        return (correction with { EventId = eventId, CorrectsEventId = corrects }, eventId);
    }
}
