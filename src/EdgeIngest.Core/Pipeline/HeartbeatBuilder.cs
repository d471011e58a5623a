using System.Text.Json;
using EdgeIngest.Audit;
using EdgeIngest.Cameras;
using EdgeIngest.Events;
using EdgeIngest.Outbox;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Assembles an <c>edgeingest.heartbeat/1</c> from the live state of the cameras, the outbox, the
/// storage disk and, when given, the audit chain's head (the agency's checkpoint).
/// </summary>
internal sealed class HeartbeatBuilder(
    string deviceId,
    Func<IReadOnlyList<LiveCamera>> cameras,
    DurableOutbox outbox,
    string storageDirectory,
    TimeProvider time,
    AuditLog? audit = null)
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public byte[] BuildPayload() => JsonSerializer.SerializeToUtf8Bytes(Build(), EventJsonContext.Default.HeartbeatEvent);

    public HeartbeatEvent Build()
    {
        var now = time.GetUtcNow();
        var live = cameras();
        var cameraHealth = new CameraHealthJson[live.Count];
        for (var i = 0; i < live.Count; i++)
        {
            var status = live[i].Ingest.GetStatus();
            var worker = live[i].Worker;
            var lastFrame = worker.LastFrameCapturedAt;
            cameraHealth[i] = new CameraHealthJson(
                status.CameraId,
                status.State.ToString().ToLowerInvariant(),
                status.FramesIn,
                worker.FramesAnalysed,
                worker.FramesSkippedStill,
                status.FramesDropped + worker.FramesSkippedBehind,
                status.Restarts,
                lastFrame is { } at ? Math.Round(Math.Max(0, (now - at).TotalSeconds), 1) : null,
                status.State == CameraState.Streaming || status.LastFailure is not { } failure ? null : new FailureJson(CauseName(failure.Cause), failure.Message));
        }

        var backlog = outbox.GetStatistics();
        return new HeartbeatEvent(
            HeartbeatEvent.SchemaV1,
            deviceId,
            now,
            (long)(now - _startedAt).TotalSeconds,
            cameraHealth,
            new OutboxHealthJson(
                backlog.Events,
                backlog.ClipMessages,
                backlog.Bytes,
                backlog.OldestCreatedAt is { } oldest ? Math.Round(Math.Max(0, (now - oldest).TotalSeconds), 1) : 0,
                backlog.DroppedClipBytes),
            new DiskHealthJson(FreeBytes(storageDirectory)),
            audit is null ? null : AuditOf(audit));
    }

    private static AuditHeadJson AuditOf(AuditLog audit)
    {
        var head = audit.Checkpoint;
        return new AuditHeadJson(head.Seq, head.Hash, audit.Intact);
    }

    /// <summary>The documented cause names (snake_case), independent of the enum's C# spelling.</summary>
    internal static string CauseName(CameraFailureCause cause) => cause switch
    {
        CameraFailureCause.Unreachable => "unreachable",
        CameraFailureCause.Unauthorized => "unauthorized",
        CameraFailureCause.StreamNotFound => "stream_not_found",
        CameraFailureCause.Stalled => "stalled",
        CameraFailureCause.ProbeTimedOut => "probe_timed_out",
        CameraFailureCause.UnsupportedCodec => "unsupported_codec",
        CameraFailureCause.StreamEnded => "stream_ended",
        _ => "other",
    };

    /// <summary>Free bytes for this process on the file system holding <paramref name="directory"/>; -1 when it cannot be read.</summary>
    internal static long FreeBytes(string directory)
    {
        try
        {
            return new DriveInfo(directory).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return -1;
        }
    }
}
