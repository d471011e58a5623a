using EdgeIngest.Footage;
using EdgeIngest.Receiving.Output;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// Closes a delivery: writes <c>custody.json</c> beside the footage, records the request as
/// delivered (so that redeliveries are duplicates), and only then removes its working files.
/// A crash between these steps leaves the working files, and the next start does it again.
/// </summary>
internal static class FootageCustody
{
    public const string FileName = "custody.json";

    public const string StatusLog = "status.jsonl";

    /// <returns>The folder the footage is in.</returns>
    public static string Write(OutputLayout layout, FootageManifestEvent manifest, FootageFiles files, IReadOnlyList<VerifiedCamera> cameras, DateTimeOffset deliveredAt)
    {
        var folder = layout.FootageRequest(manifest.CaseNumber, manifest.RequestId);
        // The receipt is written before the manifest, so it is there; should it not be, the manifest's own time stands in.
        var receipt = FootageFiles.Read(files.Receipt, FootageRecordJsonContext.Default.ManifestReceipt)
            ?? new ManifestReceipt(File.GetLastWriteTimeUtc(files.Manifest), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(files.Manifest))));
        var record = new CustodyRecord(
            CustodyRecord.SchemaV1,
            manifest.RequestId,
            manifest.DeviceId,
            manifest.CaseNumber,
            manifest.ReasonCode,
            manifest.Officer,
            manifest.Note,
            manifest.RequestedFrom,
            manifest.RequestedTo,
            manifest.ApprovedFrom,
            manifest.ApprovedTo,
            manifest.ApprovedBy,
            manifest.ApprovedAt,
            manifest.ApprovalAuditPosition,
            "manifest.json",
            receipt.Sha256,
            receipt.ReceivedAt,
            deliveredAt,
            StatusLog,
            cameras);
        FootageFiles.Write(Path.Combine(folder, FileName), record, FootageRecordJsonContext.Default.CustodyRecord);
        FootageFiles.Write(
            layout.FootageDelivered(manifest.DeviceId, manifest.RequestId),
            new DeliveredFootage(manifest.RequestId, manifest.DeviceId, manifest.CaseNumber, Path.GetRelativePath(layout.Root, folder), deliveredAt),
            FootageRecordJsonContext.Default.DeliveredFootage);
        Directory.Delete(files.Folder, recursive: true);
        return folder;
    }
}
