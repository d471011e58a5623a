using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Outbox;

namespace EdgeIngest.Footage;

/// <summary>
/// Puts each change of a request's state after <c>pending</c> in the outbox's event lane as an
/// <c>edgeingest.footage-status/1</c> (ack key <c>footage-status/{event_id}</c>), durable when this returns.
/// </summary>
internal sealed class FootageStatusEvents(DurableOutbox outbox, TopicLayout topics)
{
    public void Enqueue(FootageRequest request, string state, DateTimeOffset at, string? by, string? reason, AuditPositionJson audit)
    {
        var approved = request.Answer is { Approved: true } answer ? answer : null;
        var status = new FootageStatusEvent(
            FootageStatusEvent.SchemaV1,
            Guid.CreateVersion7(at).ToString(),
            request.RequestId,
            topics.DeviceId,
            request.Spec.CaseNumber,
            state,
            at,
            by,
            reason,
            approved?.ApprovedFrom,
            approved?.ApprovedTo,
            audit);
        outbox.Enqueue(new OutgoingMessage(topics.FootageStatus, JsonSerializer.SerializeToUtf8Bytes(status, FootageJsonContext.Default.FootageStatusEvent), status.EventId));
    }
}
