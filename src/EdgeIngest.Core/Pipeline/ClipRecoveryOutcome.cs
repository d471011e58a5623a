namespace EdgeIngest.Pipeline;

/// <summary>What a start-up recovery did with the open clip promises it found.</summary>
/// <param name="Recovered">Clips cut from the segments left on disk and queued.</param>
/// <param name="Dropped">Clips reported to the agency as dropped, with the reason.</param>
/// <param name="LeftOpen">Promises neither (the outbox could not be written); tried again at the next start.</param>
public readonly record struct ClipRecoveryOutcome(int Recovered, int Dropped, int LeftOpen);
