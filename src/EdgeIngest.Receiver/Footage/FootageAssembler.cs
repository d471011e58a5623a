using System.Security.Cryptography;
using System.Text.Json;
using EdgeIngest.Footage;
using EdgeIngest.Receiving.Output;
using EdgeIngest.Receiving.Verification;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// Puts approved footage back together (docs/footage.md, "At the agency"). Manifest and chunks may
/// arrive in any order, twice, or across a receiver restart: each chunk is kept on disk as it
/// arrives (<see cref="FootageFiles"/>), and chunks that come before their manifest are kept and
/// checked against it when it comes. When a part has every chunk it is concatenated while hashing;
/// a part whose length or sha256 disagrees with the manifest is moved to <c>rejected/</c>, so that
/// the device's resend fills its place. When a camera has every part verified, its parts become
/// <c>footage/{case}/{request_id}/{camera}.ts</c> (atomically, only if the whole matches the
/// camera's sha256); when every camera is stored, <c>custody.json</c> is written and the request is
/// recorded as delivered, after which every redelivery is a duplicate.
/// </summary>
public sealed class FootageAssembler(OutputLayout layout, TimeProvider clock)
{
    private readonly Dictionary<(string Device, string Request), FootageManifestEvent> _manifests = [];

    public IReadOnlyList<FootageResult> AcceptManifest(FootageManifestEvent manifest, ReadOnlySpan<byte> payload)
    {
        var device = manifest.DeviceId;
        var request = manifest.RequestId;
        if (File.Exists(layout.FootageDelivered(device, request)))
        {
            return [new FootageResult(FootageOutcome.Duplicate, device, request)];
        }

        var files = new FootageFiles(layout.PartialFootage(device, request));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(payload));
        if (File.Exists(files.Manifest))
        {
            if (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(files.Manifest))) != sha256)
            {
                throw new MessageRejectedException($"a different manifest for request '{request}' was already received; the first one stands");
            }
        }
        else
        {
            CheckFolderIsFree(manifest);
            FootageFiles.Write(files.Receipt, new ManifestReceipt(clock.GetUtcNow(), sha256), FootageRecordJsonContext.Default.ManifestReceipt);
            AtomicFile.Write(files.Manifest, payload);
        }

        var final = layout.FootageRequest(manifest.CaseNumber, request);
        AtomicFile.CreateDirectory(final);
        AtomicFile.Write(Path.Combine(final, "manifest.json"), payload);
        _manifests[(device, request)] = manifest;
        var results = new List<FootageResult>();
        FootageChunkRules.DiscardChunksOutsideManifest(manifest, files, results);
        results.AddRange(TryComplete(manifest, files));
        return results;
    }

    /// <param name="chunk">The chunk's bytes; the topic named the device, request, camera, part and index, all checked.</param>
    /// <param name="confirm">
    /// False for a chunk of a part that failed its check and has not verified since (the chunk
    /// that completed the failing part included): it is stored, but not confirmed to the device,
    /// so that the device never counts that part as delivered and sends it again. True otherwise.
    /// </param>
    public IReadOnlyList<FootageResult> AcceptChunk(string device, string request, string camera, int part, int index, ReadOnlySpan<byte> chunk, out bool confirm)
    {
        confirm = true;
        if (File.Exists(layout.FootageDelivered(device, request)))
        {
            return [new FootageResult(FootageOutcome.Duplicate, device, request)];
        }

        if (chunk.Length == 0)
        {
            throw new MessageRejectedException($"chunk {index} of camera '{camera}' part {part} is empty");
        }

        var files = new FootageFiles(layout.PartialFootage(device, request));
        var manifest = ManifestOf(device, request, files);
        if (manifest is not null)
        {
            var expected = FootageChunkRules.ExpectedPart(manifest, camera, part);
            if (index >= expected.Chunks)
            {
                throw new MessageRejectedException($"chunk {index} of camera '{camera}' part {part} is beyond the manifest's {expected.Chunks} chunks");
            }

            var length = FootageChunkRules.ExpectedChunkLength(manifest, expected, index);
            if (chunk.Length != length)
            {
                throw new MessageRejectedException($"chunk {index} of camera '{camera}' part {part} has {chunk.Length} bytes, the manifest says {length}");
            }

            if (File.Exists(files.PartRecord(camera, part)))
            {
                return [new FootageResult(FootageOutcome.Duplicate, device, request)];
            }
        }

        AtomicFile.CreateDirectory(files.ChunkFolder(camera, part));
        AtomicFile.Write(files.Chunk(camera, part, index), chunk);
        if (manifest is null)
        {
            return [new FootageResult(FootageOutcome.Waiting, device, request)];
        }

        var results = TryComplete(manifest, files);
        confirm = !Directory.Exists(files.Folder) || File.Exists(files.PartRecord(camera, part)) || !File.Exists(files.PartRejected(camera, part));
        return results;
    }

    /// <summary>Finishes requests whose pieces were all on disk when the receiver last stopped.</summary>
    public IEnumerable<FootageResult> ResumeAll()
    {
        if (!Directory.Exists(layout.PartialFootageRoot))
        {
            yield break;
        }

        foreach (var deviceFolder in Directory.GetDirectories(layout.PartialFootageRoot))
        {
            foreach (var requestFolder in Directory.GetDirectories(deviceFolder))
            {
                var device = Path.GetFileName(deviceFolder);
                var request = Path.GetFileName(requestFolder);
                var files = new FootageFiles(requestFolder);
                FootageManifestEvent? manifest;
                string? problem = null;
                try
                {
                    manifest = ManifestOf(device, request, files);
                }
                catch (MessageRejectedException e)
                {
                    // Stored by an earlier version that checked less: kept for a technician, not assembled.
                    manifest = null;
                    problem = $"the stored manifest no longer passes its checks ({e.Message}); its files stay in {requestFolder}";
                }

                if (problem is not null)
                {
                    yield return new FootageResult(FootageOutcome.CameraRejected, device, request, requestFolder, Reason: problem);
                }

                if (manifest is null)
                {
                    continue;
                }

                foreach (var result in TryComplete(manifest, files).Where(r => r.Outcome != FootageOutcome.Waiting))
                {
                    yield return result;
                }
            }
        }
    }

    /// <summary>
    /// A request id is the device's command id, so two devices can use the same one: the first to
    /// deliver a manifest owns the folder, and the second is refused rather than mixed in.
    /// </summary>
    private void CheckFolderIsFree(FootageManifestEvent manifest)
    {
        var existing = Path.Combine(layout.FootageRequest(manifest.CaseNumber, manifest.RequestId), "manifest.json");
        if (!File.Exists(existing))
        {
            return;
        }

        var owner = JsonSerializer.Deserialize(File.ReadAllBytes(existing), FootageJsonContext.Default.FootageManifestEvent)?.DeviceId;
        if (owner != manifest.DeviceId)
        {
            throw new MessageRejectedException($"request '{manifest.RequestId}' of case '{manifest.CaseNumber}' already holds footage from device '{owner}'");
        }
    }

    private FootageManifestEvent? ManifestOf(string device, string request, FootageFiles files)
    {
        if (_manifests.TryGetValue((device, request), out var cached))
        {
            return cached;
        }

        if (!File.Exists(files.Manifest))
        {
            return null;
        }

        var manifest = FootageManifestVerifier.Verify(File.ReadAllBytes(files.Manifest), device, request);
        _manifests[(device, request)] = manifest;
        return manifest;
    }

    private List<FootageResult> TryComplete(FootageManifestEvent manifest, FootageFiles files)
    {
        var results = new List<FootageResult>();
        var cameras = new List<VerifiedCamera>();
        foreach (var camera in manifest.Cameras)
        {
            var parts = new List<VerifiedPart>();
            foreach (var part in camera.Parts)
            {
                var verified = FootageFiles.Read(files.PartRecord(camera.CameraId, part.Index), FootageRecordJsonContext.Default.VerifiedPart)
                    ?? TryCompletePart(manifest, files, camera.CameraId, part, results);
                if (verified is not null)
                {
                    parts.Add(verified);
                }
            }

            if (parts.Count == camera.Parts.Count && CompleteCamera(manifest, files, camera, parts, results) is { } stored)
            {
                cameras.Add(stored);
            }
        }

        if (cameras.Count < manifest.Cameras.Count)
        {
            return results.Count > 0 ? results : [new FootageResult(FootageOutcome.Waiting, manifest.DeviceId, manifest.RequestId)];
        }

        var custody = FootageCustody.Write(layout, manifest, files, cameras, clock.GetUtcNow());
        _manifests.Remove((manifest.DeviceId, manifest.RequestId));
        results.Add(new FootageResult(FootageOutcome.Delivered, manifest.DeviceId, manifest.RequestId, custody, cameras.Sum(c => c.Bytes), CaseNumber: manifest.CaseNumber, Cameras: cameras.Count));
        return results;
    }

    private VerifiedPart? TryCompletePart(FootageManifestEvent manifest, FootageFiles files, string camera, FootagePartJson part, List<FootageResult> results)
    {
        var chunks = Enumerable.Range(0, part.Chunks).Select(i => files.Chunk(camera, part.Index, i)).ToList();
        if (!chunks.All(File.Exists))
        {
            return null;
        }

        var target = files.Part(camera, part.Index);
        var (temporary, bytes, sha256) = FootageFiles.Concatenate(chunks, target);
        var problem = bytes != part.Bytes
            ? $"camera '{camera}' part {part.Index}: {bytes} bytes assembled, the manifest says {part.Bytes}"
            : sha256 != part.Sha256
                ? $"camera '{camera}' part {part.Index}: sha256 {sha256} does not match the manifest's {part.Sha256}"
                : null;
        if (problem is not null)
        {
            File.Delete(temporary);
            var rejected = layout.RejectedFootagePart(manifest.DeviceId, manifest.RequestId, camera, part.Index, clock.GetUtcNow());
            AtomicFile.CreateDirectory(Path.GetDirectoryName(rejected)!);
            Directory.Move(files.ChunkFolder(camera, part.Index), rejected);
            File.WriteAllText(Path.Combine(rejected, "reason.txt"), problem + Environment.NewLine);
            AtomicFile.Write(files.PartRejected(camera, part.Index), System.Text.Encoding.UTF8.GetBytes(problem + Environment.NewLine));
            results.Add(new FootageResult(FootageOutcome.PartRejected, manifest.DeviceId, manifest.RequestId, rejected, Reason: problem));
            return null;
        }

        AtomicFile.Move(temporary, target);
        var verified = new VerifiedPart(part.Index, bytes, sha256, clock.GetUtcNow());
        FootageFiles.Write(files.PartRecord(camera, part.Index), verified, FootageRecordJsonContext.Default.VerifiedPart);
        Directory.Delete(files.ChunkFolder(camera, part.Index), recursive: true);
        return verified;
    }

    /// <summary>The camera's whole file, stored once every part is verified and the whole matches the camera's sha256.</summary>
    private VerifiedCamera? CompleteCamera(FootageManifestEvent manifest, FootageFiles files, FootageCameraJson camera, List<VerifiedPart> parts, List<FootageResult> results)
    {
        if (FootageFiles.Read(files.CameraRecord(camera.CameraId), FootageRecordJsonContext.Default.VerifiedCamera) is { } stored)
        {
            return stored;
        }

        var name = $"{camera.CameraId}.ts";
        var target = Path.Combine(layout.FootageRequest(manifest.CaseNumber, manifest.RequestId), name);
        var (temporary, bytes, sha256) = FootageFiles.Concatenate(parts.Select(p => files.Part(camera.CameraId, p.Index)), target);
        if (bytes != camera.Bytes || sha256 != camera.Sha256)
        {
            File.Delete(temporary);
            results.Add(new FootageResult(FootageOutcome.CameraRejected, manifest.DeviceId, manifest.RequestId, files.Camera(camera.CameraId),
                Reason: $"camera '{camera.CameraId}': every part verified, but the whole has {bytes} bytes and sha256 {sha256}, the manifest says {camera.Bytes} bytes and {camera.Sha256}"));
            return null;
        }

        AtomicFile.Move(temporary, target);
        var verified = new VerifiedCamera(camera.CameraId, name, bytes, sha256, camera.StartsAt, camera.EndsAt, clock.GetUtcNow(), parts);
        FootageFiles.Write(files.CameraRecord(camera.CameraId), verified, FootageRecordJsonContext.Default.VerifiedCamera);
        return verified;
    }
}
