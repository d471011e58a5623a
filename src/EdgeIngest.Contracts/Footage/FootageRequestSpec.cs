namespace EdgeIngest.Footage;

/// <summary>What a footage request asks for: the case, why, who, which cameras and which window [From, To).</summary>
public sealed record FootageRequestSpec(
    string CaseNumber,
    string ReasonCode,
    string Officer,
    IReadOnlyList<string> Cameras,
    DateTimeOffset From,
    DateTimeOffset To,
    string? Note = null);
