namespace EdgeIngest.Events;

/// <summary>Why a camera is not streaming: a cause from a fixed list and a redacted message.</summary>
public sealed record FailureJson(string Cause, string Message);
