namespace EdgeIngest.Footage;

/// <summary>
/// One footage request as the device holds it (docs/footage.md): what was asked (<see cref="Spec"/>),
/// its state (<see cref="FootageStates"/>), when it arrived and when it expires unanswered, the
/// owner's answer, the delivery's progress, and how it ended (<see cref="FinishedAt"/>,
/// <see cref="FailureReason"/> for <c>failed</c>).
/// </summary>
public sealed record FootageRequest(
    string RequestId,
    FootageRequestSpec Spec,
    string State,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ExpiresAt,
    AuditPositionJson ReceivedAudit,
    FootageAnswer? Answer,
    FootageDeliveryProgress Delivery,
    DateTimeOffset? FinishedAt,
    string? FailureReason)
{
    public bool IsPending => State == FootageStates.Pending;

    /// <summary>Approved and not yet delivered or failed: its window is still held and being sent.</summary>
    public bool IsDelivering => State == FootageStates.Approved;
}
