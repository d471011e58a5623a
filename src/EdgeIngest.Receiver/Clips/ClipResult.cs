namespace EdgeIngest.Receiving.Clips;

/// <summary>The outcome of a clip message, with the stored file or the reason for rejection.</summary>
public sealed record ClipResult(ClipOutcome Outcome, string DeviceId, string EventId, string? Path = null, long Bytes = 0, string? Reason = null);
