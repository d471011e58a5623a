using System.Text.RegularExpressions;
using EdgeIngest.Footage;
using EdgeIngest.Receiving.Verification;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// Checks an <c>edgeingest.footage/1</c> manifest before anything is stored by it: identity agrees
/// with the topic, the request's fields keep the request's limits, the approved window lies inside
/// the requested one, and every camera's parts are numbered 0…n−1, at most 8 MiB each, chunked as
/// <c>chunk_bytes</c> says, and add up to the camera's bytes. Assembly trusts what passes.
/// </summary>
public static partial class FootageManifestVerifier
{
    public static FootageManifestEvent Verify(ReadOnlyMemory<byte> payload, string topicDeviceId, string topicRequestId)
    {
        using var document = JsonPayload.Open(payload, FootageManifestEvent.SchemaV1, topicDeviceId);
        var manifest = JsonPayload.Read(document.RootElement, FootageJsonContext.Default.FootageManifestEvent, "footage manifest");
        if (manifest.RequestId != topicRequestId)
        {
            throw new MessageRejectedException($"request_id '{manifest.RequestId}' in the manifest does not match request '{topicRequestId}' in the topic");
        }

        FootageFields.CheckRequest(manifest.CaseNumber, manifest.ReasonCode, manifest.Officer, manifest.Note);
        Require(manifest.ApprovedBy, "approved_by");
        if (manifest.ContentType != FootageManifestEvent.MpegTs)
        {
            throw new MessageRejectedException($"'content_type' is '{manifest.ContentType}', expected '{FootageManifestEvent.MpegTs}'");
        }

        if (manifest.RequestedFrom >= manifest.RequestedTo || manifest.ApprovedFrom >= manifest.ApprovedTo)
        {
            throw new MessageRejectedException("a window ends before it begins ('requested_from' must be before 'requested_to', 'approved_from' before 'approved_to')");
        }

        if (manifest.ApprovedFrom < manifest.RequestedFrom || manifest.ApprovedTo > manifest.RequestedTo)
        {
            throw new MessageRejectedException("the approved window is not inside the requested one");
        }

        FootageFields.CheckAuditPosition(manifest.ApprovalAuditPosition, "approval_audit_position");
        if (manifest.ChunkBytes is < 1 or > SizeLimits.ClipChunk)
        {
            throw new MessageRejectedException($"'chunk_bytes' is {manifest.ChunkBytes}, expected 1 to {SizeLimits.ClipChunk}");
        }

        if (manifest.Cameras is null || manifest.Cameras.Count is 0 or > FootageRequestLimits.MaxCameras)
        {
            throw new MessageRejectedException($"'cameras' must list 1 to {FootageRequestLimits.MaxCameras} cameras");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var camera in manifest.Cameras)
        {
            CheckCamera(camera, manifest.ChunkBytes);
            if (!seen.Add(camera.CameraId))
            {
                throw new MessageRejectedException($"camera '{camera.CameraId}' is listed twice");
            }
        }

        return manifest;
    }

    private static void CheckCamera(FootageCameraJson? camera, int chunkBytes)
    {
        if (camera is null || !FootageIds.IsCameraId(camera.CameraId))
        {
            throw new MessageRejectedException($"a camera id is missing or not {FootageIds.CameraIdRule}");
        }

        var at = $"camera '{camera.CameraId}'";
        if (camera.StartsAt >= camera.EndsAt)
        {
            throw new MessageRejectedException($"{at}: 'starts_at' is not before 'ends_at'");
        }

        CheckSha256(camera.Sha256, $"{at}: 'sha256'");
        if (camera.Parts is null || camera.Parts.Count is 0 or > Topics.FootageTopic.MaxPartIndex + 1)
        {
            throw new MessageRejectedException($"{at}: 'parts' must list 1 to {Topics.FootageTopic.MaxPartIndex + 1} parts");
        }

        long total = 0;
        for (var i = 0; i < camera.Parts.Count; i++)
        {
            var part = camera.Parts[i] ?? throw new MessageRejectedException($"{at}: part {i} is null");
            var where = $"{at}, part {i}";
            if (part.Index != i)
            {
                throw new MessageRejectedException($"{where}: 'index' is {part.Index}; parts must be numbered 0, 1, 2… in order");
            }

            if (part.Bytes is < 1 or > FootageRequestLimits.MaxPartBytes)
            {
                throw new MessageRejectedException($"{where}: 'bytes' is {part.Bytes}, expected 1 to {FootageRequestLimits.MaxPartBytes}");
            }

            var chunks = (part.Bytes + chunkBytes - 1) / chunkBytes;
            if (part.Chunks != chunks)
            {
                throw new MessageRejectedException($"{where}: 'chunks' is {part.Chunks}, but {part.Bytes} bytes in chunks of {chunkBytes} make {chunks}");
            }

            if (chunks > Topics.DeviceTopic.MaxChunkIndex + 1)
            {
                throw new MessageRejectedException($"{where}: {chunks} chunks is more than the {Topics.DeviceTopic.MaxChunkIndex + 1} a topic can number");
            }

            CheckSha256(part.Sha256, $"{where}: 'sha256'");
            total += part.Bytes;
        }

        if (total != camera.Bytes)
        {
            throw new MessageRejectedException($"{at}: 'bytes' is {camera.Bytes}, but its parts add up to {total}");
        }
    }

    private static void CheckSha256(string? sha256, string what)
    {
        if (sha256 is null || !Sha256Pattern().IsMatch(sha256))
        {
            throw new MessageRejectedException($"{what} is not 64 lower-case hexadecimal digits");
        }
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new MessageRejectedException($"'{name}' is missing or empty");
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
