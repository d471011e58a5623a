namespace EdgeIngest.Commands;

/// <summary>A command already handled: a hash of its payload (to tell a redelivery from a reused id) and its answer.</summary>
internal sealed record RememberedCommand(byte[] PayloadHash, CommandOutcome Outcome);
