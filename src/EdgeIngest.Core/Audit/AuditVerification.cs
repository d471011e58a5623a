namespace EdgeIngest.Audit;

/// <summary>
/// What <see cref="AuditVerifier"/> found: how many records, the newest (<see cref="Head"/>), the
/// first break if any, and the newest record of each kind (the last configuration fingerprint, the
/// last break notice). <see cref="LastRecord"/> is the last line that parsed, whether or not the
/// chain up to it holds: the log continues from it (or from the anchor, when the anchor is
/// further on) after a break, so that the break stays where it is and visible.
/// </summary>
public sealed record AuditVerification(
    long Records,
    AuditHead Head,
    AuditBreak? FirstBreak,
    AuditHead? Anchor,
    AuditRecord? LastRecord,
    IReadOnlyDictionary<string, AuditRecord> LastOfKind)
{
    /// <summary>The newest <see cref="AuditKinds.ChainBroken"/> record the box wrote, if any.</summary>
    public AuditRecord? LastBreakNotice => LastOfKind.GetValueOrDefault(AuditKinds.ChainBroken);

    public bool Intact => FirstBreak is null;
}
