namespace EdgeIngest.WebConsole.Views;

/// <summary>
/// A request no longer waiting: its outcome (<see cref="State"/> and the words for it), who answered
/// and when, the approved window or the reason for a decline, and how far the delivery got.
/// </summary>
internal sealed record AnsweredRequestRow(
    string RequestId,
    string CaseNumber,
    string ReasonCode,
    string Officer,
    IReadOnlyList<string> Cameras,
    string RequestedWindow,
    string State,
    string Outcome,
    bool Sent,
    string Answer,
    string? ApprovedWindow,
    string? DeclineReason,
    string Delivery);
