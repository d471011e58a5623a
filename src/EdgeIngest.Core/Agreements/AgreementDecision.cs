using EdgeIngest.Configuration;

namespace EdgeIngest.Agreements;

/// <summary>
/// What the agreement in force says about one hit, at one instant: may it leave the box
/// (<see cref="Allowed"/>, else <see cref="WithheldReason"/>, one of <see cref="WithheldReasons"/>),
/// may non-hit reads leave (<see cref="SendsReads"/>: the effective <see cref="Policy"/> is
/// <c>all_reads</c> and the agreement is in force), how long each kind of record is kept, and the
/// agreement's id and version for the disclosure audit (null without a signed agreement).
/// </summary>
public readonly record struct AgreementDecision(
    bool Allowed,
    string? WithheldReason,
    SharingPolicy Policy,
    bool SendsReads,
    RetentionDays Retention,
    string? AgreementId,
    long? AgreementVersion);
