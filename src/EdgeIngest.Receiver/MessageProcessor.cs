using System.Globalization;
using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Footage;
using EdgeIngest.Receiving.Clips;
using EdgeIngest.Receiving.Footage;
using EdgeIngest.Receiving.Output;
using EdgeIngest.Receiving.Topics;
using EdgeIngest.Receiving.Verification;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Receiving;

/// <summary>
/// Verifies, de-duplicates and stores one message at a time (the receiver calls it from a single
/// task, so nothing here needs a lock). Whatever a message contains, <see cref="Handle"/> returns:
/// a bad message is logged with its topic and the reason and skipped (true: done with it); a disk
/// error is logged and reported as false, so that the caller keeps the message unacknowledged and
/// tries again. Every write is flushed to disk before this returns true. Each message of the
/// outbox kinds (hits, reads, drops, command results, footage status, clip and footage manifests and chunks) is stored at most
/// once, and its <see cref="AckKeys"/> key comes back so that the receiver can confirm it to the
/// device, a duplicate and a message rejected for good included (sending it again cannot help). Counters move only after the log line or printed line is out, so
/// whoever sees a count can rely on the line.
/// </summary>
public sealed class MessageProcessor(string topicPrefix, OutputLayout layout, TextWriter console, ReceiverCounters counters, ILogger logger, TimeProvider clock)
{
    private readonly HitStore _hits = new(layout, clock);
    private readonly ClipAssembler _clips = new(layout);
    private readonly LoggedOnce _logs = new(layout);
    private readonly FootageAssembler _footage = new(layout, clock);

    /// <summary>Completes clips and footage whose pieces were all on disk when the receiver last stopped.</summary>
    public void ResumeClips()
    {
        foreach (var result in _clips.ResumeAll())
        {
            Report(result);
        }

        foreach (var result in _footage.ResumeAll())
        {
            Report(result);
        }
    }

    /// <returns>True when the message is durably stored, a duplicate, or rejected for good; false when the disk refused it and it should be tried again.</returns>
    /// <param name="ack">On true, what to confirm to the device; null for status and heartbeat (not kept in its outbox), for a message too broken to name, for a refused footage manifest or chunk, and for a chunk of a footage part that failed its check and has not verified since.</param>
    public bool Handle(MqttReceivedMessage message, out DeviceAck? ack)
    {
        ack = null;
        DeviceTopic? topic = null;
        try
        {
            if (!DeviceTopic.TryParse(topicPrefix, message.Topic, out topic, out var problem))
            {
                topic = null;
                throw new MessageRejectedException(problem);
            }

            var limit = SizeLimits.For(topic.Kind);
            if (message.Payload.Length > limit)
            {
                throw new MessageRejectedException($"{message.Payload.Length} bytes is over the {limit}-byte limit for {topic.Kind} messages");
            }

            var key = Dispatch(topic, message.Payload);
            ack = key is null ? null : new DeviceAck(topic.DeviceId, key);
            return true;
        }
        catch (MessageRejectedException e)
        {
            ReceiverLog.Rejected(logger, message.Topic, message.Payload.Length, e.Message);
            counters.CountRejectedMessage();
            ack = topic is null || KeyOfRejected(topic, message) is not { } key ? null : new DeviceAck(topic.DeviceId, key);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ReceiverLog.StoreFailed(logger, message.Topic, e.Message, e);
            return false;
        }
    }

    /// <returns>The message's acknowledgement key; null for kinds the device does not keep (status, heartbeat).</returns>
    private string? Dispatch(DeviceTopic topic, byte[] payload)
    {
        var device = topic.DeviceId;
        switch (topic.Kind)
        {
            case TopicKind.Hit:
                var hit = HitVerifier.Verify(payload, device);
                StoreHit(hit);
                return AckKeys.ForEvent("hits", hit.EventId);
            case TopicKind.Correction:
                var (correction, correctionId) = CorrectionVerifier.Verify(payload, device);
                StoreCorrection(correction);
                return AckKeys.ForEvent("corrections", correctionId);
            case TopicKind.Read:
                var (read, eventId) = ReadVerifier.Verify(payload, device);
                if (_hits.SaveRead(read, eventId))
                {
                    counters.CountRead();
                }
                else
                {
                    counters.CountDuplicateRead();
                }

                return AckKeys.ForEvent("reads", eventId);
            case TopicKind.Status:
                StoreLatest(device, "status.json", DeviceMessageVerifier.VerifyStatus(payload, device));
                return null;
            case TopicKind.Registration:
                StoreLatest(device, "registration.json", DeviceMessageVerifier.VerifyRegistration(payload, device));
                return null;
            case TopicKind.Heartbeat:
                StoreLatest(device, "heartbeat.json", DeviceMessageVerifier.VerifyHeartbeat(payload, device));
                return null;
            case TopicKind.Drop:
                var (drop, droppedEvent) = DeviceMessageVerifier.VerifyDrop(payload, device);
                Logged(device, "drops.jsonl", _logs.AppendDrop(device, droppedEvent, drop));
                return AckKeys.ForEvent("drops", droppedEvent);
            case TopicKind.CommandResult:
                var (result, commandId) = DeviceMessageVerifier.VerifyCommandResult(payload, device);
                Logged(device, "command-results.jsonl", _logs.AppendCommandResult(device, result));
                return AckKeys.ForEvent("command-results", commandId);
            case TopicKind.ClipManifest:
                Report(_clips.AcceptManifest(ClipManifestVerifier.Verify(payload, device, topic.ClipEventId!), payload));
                return AckKeys.ForClipPart(ClipPartTopic(topic));
            case TopicKind.ClipChunk:
                Report(_clips.AcceptChunk(device, topic.ClipEventId!, topic.ChunkIndex, payload));
                return AckKeys.ForClipPart(ClipPartTopic(topic));
            case TopicKind.FootageStatus:
                var status = FootageStatusVerifier.Verify(payload, device);
                StoreFootageStatus(status, payload);
                return AckKeys.ForEvent("footage-status", status.EventId);
            case TopicKind.FootageManifest:
                Report(_footage.AcceptManifest(FootageManifestVerifier.Verify(payload, device, topic.RequestId!), payload));
                return AckKeys.ForClipPart(FootageTopic.Relative(topic));
            case TopicKind.FootageChunk:
                Report(_footage.AcceptChunk(device, topic.RequestId!, topic.CameraId!, topic.PartIndex, topic.ChunkIndex, payload, out var confirm));
                return confirm ? AckKeys.ForClipPart(FootageTopic.Relative(topic)) : null;
            default:
                throw new MessageRejectedException($"no handler for {topic.Kind}");
        }
    }

    /// <summary>
    /// The key of a message rejected for good, so that the device stops sending it: a clip part's
    /// topic, or the id an event carries if it can be read at all.
    /// </summary>
    private static string? KeyOfRejected(DeviceTopic topic, MqttReceivedMessage message)
    {
        var relative = topic.Kind switch
        {
            TopicKind.Hit => "hits",
            TopicKind.Correction => "corrections",
            TopicKind.Read => "reads",
            TopicKind.Drop => "drops",
            TopicKind.CommandResult => "command-results",
            TopicKind.FootageStatus => "footage-status",
            TopicKind.ClipManifest or TopicKind.ClipChunk => ClipPartTopic(topic),
            // A refused footage manifest or chunk gets no key, so it is never confirmed: the device counts a
            // request delivered only when every part is confirmed, and must not while the agency
            // holds nothing verified. It keeps sending it (at its doubling confirmation timeout)
            // and each refusal is logged here with the reason.
            _ => null,
        };
        if (relative is null || topic.Kind is TopicKind.ClipManifest or TopicKind.ClipChunk)
        {
            return relative;
        }

        try
        {
            using var document = JsonDocument.Parse(message.Payload);
            var name = topic.Kind == TopicKind.CommandResult ? "command_id" : "event_id";
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 } text
                ? AckKeys.ForEvent(relative, topic.Kind == TopicKind.CommandResult || !EventIds.TryNormalize(text, out var normalized) ? text : normalized)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A clip part's topic relative to the device, as the device's outbox has it (event ids from the device are lower-case).</summary>
    private static string ClipPartTopic(DeviceTopic topic) => topic.Kind == TopicKind.ClipManifest
        ? $"clips/{topic.ClipEventId}/manifest"
        : string.Create(CultureInfo.InvariantCulture, $"clips/{topic.ClipEventId}/chunks/{topic.ChunkIndex}");

    private void StoreHit(VerifiedHit verified)
    {
        var stored = _hits.Save(verified);
        if (stored is null)
        {
            ReceiverLog.DuplicateHit(logger, verified.EventId, verified.Event.DeviceId, counters.DuplicateHits + 1);
            counters.CountDuplicateHit();
            return;
        }

        ReceiverLog.HitStored(logger, stored.EventId, stored.DeviceId, stored.CameraId, stored.Plate);
        console.WriteLine(HitLine.Format(stored));
        counters.CountHit();
    }

    private void StoreCorrection(HitCorrectionEvent correction)
    {
        if (!_hits.SaveCorrection(correction))
        {
            ReceiverLog.DuplicateDeviceMessage(logger, "corrections", correction.DeviceId);
            return;
        }

        console.WriteLine(CorrectionLine.Format(correction));
        counters.CountCorrection();
    }

    private void StoreLatest(string device, string file, byte[] json)
    {
        AtomicFile.Write(layout.DeviceFile(device, file), json);
        ReceiverLog.DeviceMessageStored(logger, file, device);
        counters.CountDeviceMessage();
    }

    private void Logged(string device, string log, bool stored)
    {
        if (stored)
        {
            ReceiverLog.DeviceMessageStored(logger, log, device);
            counters.CountDeviceMessage();
        }
        else
        {
            ReceiverLog.DuplicateDeviceMessage(logger, log, device);
        }
    }

    private void StoreFootageStatus(FootageStatusEvent status, byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var folder = layout.FootageRequest(status.CaseNumber, status.RequestId);
        if (!_logs.AppendFootageStatus(status.DeviceId, status.EventId, folder, JsonPayload.Compact(document.RootElement)))
        {
            ReceiverLog.DuplicateDeviceMessage(logger, "footage-status", status.DeviceId);
            return;
        }

        ReceiverLog.FootageStatusStored(logger, status.RequestId, status.CaseNumber, status.DeviceId, status.State);
        console.WriteLine(FootageLine.Format(status));
        counters.CountFootageStatus();
    }

    private void Report(IReadOnlyList<FootageResult> results)
    {
        foreach (var result in results)
        {
            Report(result);
        }
    }

    private void Report(FootageResult result)
    {
        switch (result.Outcome)
        {
            case FootageOutcome.Delivered:
                ReceiverLog.FootageDelivered(logger, result.RequestId, result.DeviceId, result.Bytes, result.Path!);
                console.WriteLine(FootageLine.Delivered(result, Path.GetRelativePath(layout.Root, result.Path!)));
                counters.CountFootageDelivery();
                break;
            case FootageOutcome.PartRejected:
                ReceiverLog.FootagePartRejected(logger, result.RequestId, result.DeviceId, result.Reason!, result.Path!);
                counters.CountRejectedFootage();
                break;
            case FootageOutcome.CameraRejected:
                ReceiverLog.FootageCameraRejected(logger, result.RequestId, result.DeviceId, result.Reason!, result.Path!);
                counters.CountRejectedFootage();
                break;
            case FootageOutcome.Waiting:
            case FootageOutcome.Duplicate:
            default:
                break;
        }
    }

    private void Report(ClipResult result)
    {
        switch (result.Outcome)
        {
            case ClipOutcome.Assembled:
                ReceiverLog.ClipAssembled(logger, result.EventId, result.DeviceId, result.Bytes, result.Path!);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"CLIP {result.DeviceId}  event {result.EventId}  {result.Bytes} bytes, sha256 verified  → {Path.GetRelativePath(layout.Root, result.Path!)}"));
                counters.CountClip();
                break;
            case ClipOutcome.Rejected:
                ReceiverLog.ClipRejected(logger, result.EventId, result.DeviceId, result.Reason!, result.Path!);
                counters.CountRejectedClip();
                break;
            case ClipOutcome.Waiting:
            case ClipOutcome.Duplicate:
            default:
                break;
        }
    }
}
