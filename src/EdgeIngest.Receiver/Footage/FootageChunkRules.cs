using System.Globalization;
using EdgeIngest.Footage;
using EdgeIngest.Receiving.Verification;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// What a manifest says about each chunk: which cameras and parts exist, how many chunks a part
/// has and how long each must be (<c>chunk_bytes</c>, except the last). Chunks kept from before
/// the manifest came are held to the same rules once it is there.
/// </summary>
internal static class FootageChunkRules
{
    public static FootagePartJson ExpectedPart(FootageManifestEvent manifest, string camera, int part)
    {
        var entry = manifest.Cameras.FirstOrDefault(c => c.CameraId == camera)
            ?? throw new MessageRejectedException($"camera '{camera}' is not in the manifest of request '{manifest.RequestId}'");
        return part < entry.Parts.Count
            ? entry.Parts[part]
            : throw new MessageRejectedException($"part {part} of camera '{camera}' is beyond the manifest's {entry.Parts.Count} parts");
    }

    public static long ExpectedChunkLength(FootageManifestEvent manifest, FootagePartJson part, int index) =>
        index < part.Chunks - 1 ? manifest.ChunkBytes : part.Bytes - ((long)manifest.ChunkBytes * (part.Chunks - 1));

    /// <summary>Chunks kept before the manifest came that it does not account for: each is deleted, with the reason reported.</summary>
    public static void DiscardChunksOutsideManifest(FootageManifestEvent manifest, FootageFiles files, List<FootageResult> results)
    {
        foreach (var cameraFolder in Directory.GetDirectories(files.Folder))
        {
            var camera = Path.GetFileName(cameraFolder);
            foreach (var partFolder in Directory.GetDirectories(cameraFolder))
            {
                if (!int.TryParse(Path.GetFileName(partFolder), NumberStyles.None, CultureInfo.InvariantCulture, out var part))
                {
                    continue;
                }

                string? problem = null;
                FootagePartJson? expected = null;
                try
                {
                    expected = ExpectedPart(manifest, camera, part);
                }
                catch (MessageRejectedException e)
                {
                    problem = e.Message;
                }

                foreach (var chunkFile in Directory.GetFiles(partFolder, "chunk-*"))
                {
                    var index = int.Parse(Path.GetFileName(chunkFile)["chunk-".Length..], CultureInfo.InvariantCulture);
                    var length = new FileInfo(chunkFile).Length;
                    var reason = problem
                        ?? (index >= expected!.Chunks ? $"chunk {index} of camera '{camera}' part {part} is beyond the manifest's {expected.Chunks} chunks"
                            : length != ExpectedChunkLength(manifest, expected, index) ? $"chunk {index} of camera '{camera}' part {part} has {length} bytes, the manifest says {ExpectedChunkLength(manifest, expected, index)}"
                            : null);
                    if (reason is not null)
                    {
                        File.Delete(chunkFile);
                        results.Add(new FootageResult(FootageOutcome.PartRejected, manifest.DeviceId, manifest.RequestId, chunkFile, Reason: $"{reason} (arrived before the manifest; deleted)"));
                    }
                }
            }
        }
    }
}
