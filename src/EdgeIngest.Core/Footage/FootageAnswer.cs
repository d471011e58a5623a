namespace EdgeIngest.Footage;

/// <summary>
/// The owner's answer to a request: who and when, the approved window (an approval) or the reason
/// (a decline), and the audit record of the answer.
/// </summary>
public sealed record FootageAnswer(
    string By,
    DateTimeOffset At,
    DateTimeOffset? ApprovedFrom,
    DateTimeOffset? ApprovedTo,
    string? DeclineReason,
    AuditPositionJson Audit)
{
    public bool Approved => ApprovedFrom is not null;
}
