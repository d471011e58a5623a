namespace EdgeIngest.WebConsole.Views;

/// <summary>
/// A request that waits for the owner, as the Requests page shows it: who asked, why and for what,
/// when it expires, the preview stills, and the shorter-window inputs prefilled with the requested
/// window (<see cref="FromInput"/>, <see cref="ToInput"/>, in the box's time zone).
/// </summary>
internal sealed record PendingRequestRow(
    string RequestId,
    string CaseNumber,
    string ReasonCode,
    string Officer,
    string? Note,
    IReadOnlyList<string> Cameras,
    string Window,
    string Length,
    string ReceivedAt,
    string ExpiresAt,
    string ExpiresIn,
    string FromInput,
    string ToInput,
    IReadOnlyList<FootageStill> Stills);
