namespace EdgeIngest.Commands;

/// <summary>
/// What became of one command message. <see cref="ResultPayload"/> is the
/// <c>edgeingest.command-result/1</c> JSON to publish, or null when no valid command_id could be
/// read (there is no one to answer). <see cref="Repeated"/> marks a redelivery answered from memory.
/// </summary>
public sealed record CommandOutcome(string? CommandId, bool Ok, string? Error, byte[]? ResultPayload, bool Repeated = false);
