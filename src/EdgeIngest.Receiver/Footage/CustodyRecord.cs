using EdgeIngest.Footage;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// <c>custody.json</c>, the chain-of-custody record of one delivered request (docs/footage.md): who
/// asked and why, the requested and approved windows, who approved and when, the device's audit
/// record of the approval, and every file as the receiver verified it, with when it arrived.
/// </summary>
public sealed record CustodyRecord(
    string Schema,
    string RequestId,
    string DeviceId,
    string CaseNumber,
    string ReasonCode,
    string Officer,
    string? Note,
    DateTimeOffset RequestedFrom,
    DateTimeOffset RequestedTo,
    DateTimeOffset ApprovedFrom,
    DateTimeOffset ApprovedTo,
    string ApprovedBy,
    DateTimeOffset ApprovedAt,
    AuditPositionJson ApprovalAuditPosition,
    string Manifest,
    string ManifestSha256,
    DateTimeOffset ManifestReceivedAt,
    DateTimeOffset DeliveredAt,
    string StatusLog,
    IReadOnlyList<VerifiedCamera> Files)
{
    public const string SchemaV1 = "edgeingest.footage-custody/1";
}
