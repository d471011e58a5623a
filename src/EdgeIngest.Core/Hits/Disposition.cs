namespace EdgeIngest.Hits;

/// <summary>What the router decided a vehicle pass becomes.</summary>
internal enum Disposition
{
    /// <summary>A hotlist match the agreement lets the box send: an event with snapshots, a clip, a disclosure.</summary>
    Hit,

    /// <summary>A read that is not a hit, sent because the agreement and the owner's policy both say <c>all_reads</c>.</summary>
    SharedRead,

    /// <summary>A read that is not a hit, kept on the box.</summary>
    KeptRead,

    /// <summary>A hotlist match the agreement does not let the box send: counted, kept, never shown.</summary>
    Withheld,

    /// <summary>The final vote of a pass whose hit was sent early disagrees with it: a correction naming that hit.</summary>
    Correction,
}
