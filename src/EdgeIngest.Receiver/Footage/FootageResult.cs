namespace EdgeIngest.Receiving.Footage;

/// <summary>The outcome of a footage message: for a delivery, the folder and its size; for a rejection, what and why.</summary>
public sealed record FootageResult(FootageOutcome Outcome, string DeviceId, string RequestId, string? Path = null, long Bytes = 0, string? Reason = null, string? CaseNumber = null, int Cameras = 0);
