using EdgeIngest.Footage;
using EdgeIngest.Receiving.Verification;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// Checks an <c>edgeingest.footage-status/1</c> payload: who sent it, its event id, which request
/// and case it is about (they name the folder it is stored in), a known state, and the device's
/// audit position of the step; an approval carries its window.
/// </summary>
public static class FootageStatusVerifier
{
    private static readonly string[] States =
    [
        FootageStates.Pending, FootageStates.Approved, FootageStates.Declined,
        FootageStates.Expired, FootageStates.Delivered, FootageStates.Failed,
    ];

    public static FootageStatusEvent Verify(ReadOnlyMemory<byte> payload, string topicDeviceId)
    {
        using var document = JsonPayload.Open(payload, FootageStatusEvent.SchemaV1, topicDeviceId);
        var eventId = JsonPayload.RequireEventId(document.RootElement);
        var status = JsonPayload.Read(document.RootElement, FootageJsonContext.Default.FootageStatusEvent, "footage status");
        if (!FootageIds.IsRequestId(status.RequestId))
        {
            throw new MessageRejectedException($"'request_id' '{status.RequestId}' is not {FootageIds.RequestIdRule}");
        }

        if (FootageFields.CaseNumberProblem(status.CaseNumber) is { } problem)
        {
            throw new MessageRejectedException($"'case_number': {problem}");
        }

        if (!States.Contains(status.State, StringComparer.Ordinal))
        {
            throw new MessageRejectedException($"'state' is '{status.State}', expected one of {string.Join(", ", States)}");
        }

        if (status.State == FootageStates.Approved && (status.ApprovedFrom is not { } from || status.ApprovedTo is not { } to || from >= to))
        {
            throw new MessageRejectedException("an approval needs 'approved_from' before 'approved_to'");
        }

        FootageFields.CheckAuditPosition(status.AuditPosition, "audit_position");
        return status with { EventId = eventId };
    }
}
