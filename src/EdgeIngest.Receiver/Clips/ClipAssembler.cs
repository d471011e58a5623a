using System.Globalization;
using System.Security.Cryptography;
using EdgeIngest.Receiving.Output;
using EdgeIngest.Receiving.Verification;

namespace EdgeIngest.Receiving.Clips;

/// <summary>
/// Puts clips back together. Manifest and chunks may arrive in any order, twice, or across a
/// receiver restart: each is kept on disk under <c>.partial/clips/{device}/{event_id}/</c> as it
/// arrives, and when the manifest and every chunk are there the chunks are concatenated while
/// hashing. Only a clip whose length and sha256 match the manifest becomes
/// <c>clips/{device}/{event_id}.mp4</c> (atomically); any other is moved to <c>rejected/</c>.
/// </summary>
public sealed class ClipAssembler(OutputLayout layout)
{
    private const string ManifestFile = "manifest.json";

    public ClipResult AcceptManifest(ClipManifest manifest, ReadOnlySpan<byte> payload)
    {
        if (File.Exists(layout.Clip(manifest.DeviceId, manifest.EventId)))
        {
            return new ClipResult(ClipOutcome.Duplicate, manifest.DeviceId, manifest.EventId);
        }

        var partial = layout.PartialClip(manifest.DeviceId, manifest.EventId);
        AtomicFile.Write(Path.Combine(partial, ManifestFile), payload);
        return TryComplete(manifest.DeviceId, manifest.EventId);
    }

    public ClipResult AcceptChunk(string device, string eventId, int index, ReadOnlySpan<byte> chunk)
    {
        if (File.Exists(layout.Clip(device, eventId)))
        {
            return new ClipResult(ClipOutcome.Duplicate, device, eventId);
        }

        var partial = layout.PartialClip(device, eventId);
        if (ReadManifest(partial) is { } manifest)
        {
            if (index >= manifest.Chunks)
            {
                throw new MessageRejectedException($"chunk {index} is beyond the manifest's {manifest.Chunks} chunks");
            }

            if (chunk.Length != manifest.ExpectedChunkLength(index))
            {
                throw new MessageRejectedException($"chunk {index} has {chunk.Length} bytes, the manifest says {manifest.ExpectedChunkLength(index)}");
            }
        }

        AtomicFile.Write(Path.Combine(partial, ChunkFile(index)), chunk);
        return TryComplete(device, eventId);
    }

    /// <summary>Finishes clips that were complete on disk when the receiver last stopped.</summary>
    public IEnumerable<ClipResult> ResumeAll()
    {
        if (!Directory.Exists(layout.PartialClips))
        {
            yield break;
        }

        foreach (var deviceDirectory in Directory.GetDirectories(layout.PartialClips))
        {
            foreach (var clipDirectory in Directory.GetDirectories(deviceDirectory))
            {
                var result = TryComplete(Path.GetFileName(deviceDirectory), Path.GetFileName(clipDirectory));
                if (result.Outcome != ClipOutcome.Waiting)
                {
                    yield return result;
                }
            }
        }
    }

    private ClipResult TryComplete(string device, string eventId)
    {
        var partial = layout.PartialClip(device, eventId);
        var manifest = ReadManifest(partial);
        if (manifest is null || !Enumerable.Range(0, manifest.Chunks).All(i => File.Exists(Path.Combine(partial, ChunkFile(i)))))
        {
            return new ClipResult(ClipOutcome.Waiting, device, eventId);
        }

        var target = layout.Clip(device, eventId);
        var temporary = AtomicFile.TemporaryPathFor(target);
        string? problem;
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            for (var i = 0; i < manifest.Chunks; i++)
            {
                var chunk = File.ReadAllBytes(Path.Combine(partial, ChunkFile(i)));
                hash.AppendData(chunk);
                output.Write(chunk);
            }

            output.Flush(flushToDisk: true);
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            problem = output.Length != manifest.Bytes
                ? $"{output.Length} bytes assembled, the manifest says {manifest.Bytes}"
                : sha256 != manifest.Sha256
                    ? $"sha256 {sha256} does not match the manifest's {manifest.Sha256}"
                    : null;
        }

        if (problem is null)
        {
            AtomicFile.Move(temporary, target);
            Directory.Delete(partial, recursive: true);
            return new ClipResult(ClipOutcome.Assembled, device, eventId, target, manifest.Bytes);
        }

        File.Delete(temporary);
        var rejected = layout.RejectedClip(device, eventId);
        Directory.CreateDirectory(Path.GetDirectoryName(rejected)!);
        if (Directory.Exists(rejected))
        {
            Directory.Delete(rejected, recursive: true);
        }

        Directory.Move(partial, rejected);
        File.WriteAllText(Path.Combine(rejected, "reason.txt"), problem + Environment.NewLine);
        return new ClipResult(ClipOutcome.Rejected, device, eventId, rejected, Reason: problem);
    }

    private static ClipManifest? ReadManifest(string partial)
    {
        var path = Path.Combine(partial, ManifestFile);
        return File.Exists(path)
            ? ClipManifestVerifier.Verify(File.ReadAllBytes(path), Path.GetFileName(Path.GetDirectoryName(partial)!), Path.GetFileName(partial))
            : null;
    }

    private static string ChunkFile(int index) => string.Create(CultureInfo.InvariantCulture, $"chunk-{index:D5}");
}
