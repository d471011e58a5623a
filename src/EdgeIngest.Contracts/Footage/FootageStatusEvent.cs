namespace EdgeIngest.Footage;

/// <summary>
/// A footage request's change of state, <c>edgeingest.footage-status/1</c> on
/// <c>{prefix}/{device}/footage-status</c> (event lane; ack key <c>footage-status/{event_id}</c>).
/// </summary>
/// <param name="By">Who answered (approved, declined); null for the device's own steps.</param>
/// <param name="Reason">Why it was declined or failed; null otherwise.</param>
/// <param name="AuditPosition">The device's audit record of this step.</param>
public sealed record FootageStatusEvent(
    string Schema,
    string EventId,
    string RequestId,
    string DeviceId,
    string CaseNumber,
    string State,
    DateTimeOffset At,
    string? By,
    string? Reason,
    DateTimeOffset? ApprovedFrom,
    DateTimeOffset? ApprovedTo,
    AuditPositionJson AuditPosition)
{
    public const string SchemaV1 = "edgeingest.footage-status/1";
}
