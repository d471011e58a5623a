namespace EdgeIngest.Hotlists;

/// <summary>
/// A read that hit an entry: which entry (its listed plate), how it matched, and how far the read
/// was from it (look-alike substitutions plus inserted or dropped characters; 0 for exact and
/// wildcard matches), and which of the read's readings matched.
/// </summary>
public readonly record struct HotlistMatch(HotlistEntry Entry, MatchKind Kind, int Distance, string MatchedReading)
{
    /// <summary>Look-alike and wildcard hits must be confirmed on the snapshot before anyone acts.</summary>
    public bool ConfirmBeforeActing => Kind != MatchKind.Exact;
}
