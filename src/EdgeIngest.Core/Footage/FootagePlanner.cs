using System.Security.Cryptography;
using System.Text.Json;
using EdgeIngest.Recordings;

namespace EdgeIngest.Footage;

/// <summary>
/// Cuts an approved request's footage from the recording (docs/footage.md, "Delivery"): per camera,
/// the whole segments overlapping the approved window, their bytes as recorded, split at segment
/// boundaries into parts of at most <see cref="FootageRequestLimits.MaxPartBytes"/> (a single
/// segment larger than that is split inside it). Every part is read once here to hash it and the
/// camera's whole; the plan keeps where each part lies so it can be read again to send.
/// </summary>
internal static class FootagePlanner
{
    /// <summary>The manifest and plan, or null and <paramref name="problem"/> when the video cannot be read.</summary>
    public static (FootageManifestEvent Manifest, FootageDeliveryPlan Plan)? Plan(
        FootageRequest request, IFootageRecording recording, string deviceId, int chunkBytes, int maxPartBytes, out string? problem)
    {
        problem = null;
        var answer = request.Answer ?? throw new InvalidOperationException($"footage request {request.RequestId} has no approval");
        var (from, to) = (answer.ApprovedFrom!.Value, answer.ApprovedTo!.Value);
        var cameras = new List<FootageCameraJson>();
        var parts = new List<FootagePartPlan>();
        foreach (var camera in request.Spec.Cameras)
        {
            var segments = recording.Segments(camera, from, to);
            using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var cameraParts = new List<FootagePartJson>();
            long cameraBytes = 0;
            foreach (var slices in Group(segments, maxPartBytes, out problem))
            {
                var bytes = FootagePartReader.Read(slices, out problem);
                if (bytes is null)
                {
                    return null;
                }

                whole.AppendData(bytes);
                var sha = FootagePartReader.Sha256(bytes);
                var chunks = (int)((bytes.LongLength + chunkBytes - 1) / chunkBytes);
                var index = cameraParts.Count;
                cameraParts.Add(new FootagePartJson(index, bytes.LongLength, chunks, sha));
                parts.Add(new FootagePartPlan(parts.Count, camera, index, bytes.LongLength, chunks, sha, slices));
                cameraBytes += bytes.LongLength;
            }

            if (problem is not null)
            {
                return null;
            }

            // A camera with nothing recorded in the window (it was down) is listed with no parts,
            // so the agency sees it was asked for and had nothing.
            var startsAt = segments.Count > 0 ? segments[0].StartsAt : from;
            var endsAt = segments.Count > 0 ? segments[^1].EndsAt : from;
            cameras.Add(new FootageCameraJson(camera, startsAt, endsAt, cameraBytes, Convert.ToHexStringLower(whole.GetHashAndReset()), cameraParts));
        }

        var spec = request.Spec;
        var manifest = new FootageManifestEvent(
            FootageManifestEvent.SchemaV1,
            request.RequestId,
            deviceId,
            spec.CaseNumber,
            spec.ReasonCode,
            spec.Officer,
            spec.Note,
            spec.From,
            spec.To,
            from,
            to,
            answer.By,
            answer.At,
            answer.Audit,
            FootageManifestEvent.MpegTs,
            chunkBytes,
            cameras);
        return (manifest, new FootageDeliveryPlan(parts));
    }

    public static byte[] Serialize(FootageManifestEvent manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, FootageJsonContext.Default.FootageManifestEvent);

    /// <summary>The segments' bytes as parts: whole segments while they fit, a segment too big for one part split inside it.</summary>
    private static List<List<FootageSlice>> Group(IReadOnlyList<RecordedSegment> segments, int maxPartBytes, out string? problem)
    {
        problem = null;
        var parts = new List<List<FootageSlice>>();
        var current = new List<FootageSlice>();
        long currentBytes = 0;
        foreach (var segment in segments)
        {
            if (!File.Exists(segment.Path))
            {
                problem = $"the segment file '{segment.Path}' is gone (purged before it could be sent)";
                return [];
            }

            long length;
            try
            {
                length = new FileInfo(segment.Path).Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"the segment file '{segment.Path}' cannot be read: {e.Message}";
                return [];
            }

            if (currentBytes > 0 && currentBytes + length > maxPartBytes)
            {
                parts.Add(current);
                current = [];
                currentBytes = 0;
            }

            for (long offset = 0; offset < length;)
            {
                var take = Math.Min(length - offset, maxPartBytes - currentBytes);
                current.Add(new FootageSlice(segment.Path, offset, take));
                currentBytes += take;
                offset += take;
                if (currentBytes == maxPartBytes)
                {
                    parts.Add(current);
                    current = [];
                    currentBytes = 0;
                }
            }
        }

        if (currentBytes > 0)
        {
            parts.Add(current);
        }

        return parts;
    }
}
