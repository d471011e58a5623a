namespace EdgeIngest.Benchmarks.Hotlists;

/// <summary>What a benchmark read is meant to find in the synthetic hotlist.</summary>
public enum ReadKind
{
    /// <summary>A listed plate as listed.</summary>
    Exact,

    /// <summary>A listed plate with one character read as its look-alike (8 for B, O for 0, …).</summary>
    LookAlikeSwap,

    /// <summary>A look-alike swap and one character missed: the costliest hit (every insertion is tried).</summary>
    LookAlikeMissing,

    /// <summary>A read that fits a partial plate and matches no whole one.</summary>
    Wildcard,

    /// <summary>A plate not on the list: every search runs and finds nothing.</summary>
    Miss,
}
