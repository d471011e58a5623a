namespace EdgeIngest.Footage;

/// <summary>
/// Approved footage, announced on <c>{prefix}/{device}/footage/{request_id}/manifest</c> before its
/// parts (clip lane). Carries the request, the approval and its place in the device's audit so the
/// receiver can write the chain-of-custody record (docs/footage.md).
/// </summary>
public sealed record FootageManifestEvent(
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
    string ContentType,
    int ChunkBytes,
    IReadOnlyList<FootageCameraJson> Cameras)
{
    public const string SchemaV1 = "edgeingest.footage/1";

    public const string MpegTs = "video/mp2t";
}
