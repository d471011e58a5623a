using System.Globalization;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Receiving.Clips;
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
/// tries again. Every write is flushed to disk before this returns true. Counters move only after the log line or printed line is out, so
/// whoever sees a count can rely on the line.
/// </summary>
public sealed class MessageProcessor(string topicPrefix, OutputLayout layout, TextWriter console, ReceiverCounters counters, ILogger logger, TimeProvider clock)
{
    private readonly HitStore _hits = new(layout, clock);
    private readonly ClipAssembler _clips = new(layout);

    /// <summary>Completes clips whose pieces were all on disk when the receiver last stopped.</summary>
    public void ResumeClips()
    {
        foreach (var result in _clips.ResumeAll())
        {
            Report(result);
        }
    }

    /// <returns>True when the message is durably stored, a duplicate, or rejected for good; false when the disk refused it and it should be tried again.</returns>
    public bool Handle(MqttReceivedMessage message)
    {
        try
        {
            if (!DeviceTopic.TryParse(topicPrefix, message.Topic, out var topic, out var problem))
            {
                throw new MessageRejectedException(problem);
            }

            var limit = SizeLimits.For(topic.Kind);
            if (message.Payload.Length > limit)
            {
                throw new MessageRejectedException($"{message.Payload.Length} bytes is over the {limit}-byte limit for {topic.Kind} messages");
            }

            Dispatch(topic, message.Payload);
            return true;
        }
        catch (MessageRejectedException e)
        {
            ReceiverLog.Rejected(logger, message.Topic, message.Payload.Length, e.Message);
            counters.CountRejectedMessage();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ReceiverLog.StoreFailed(logger, message.Topic, e.Message, e);
            return false;
        }
    }

    private void Dispatch(DeviceTopic topic, byte[] payload)
    {
        var device = topic.DeviceId;
        switch (topic.Kind)
        {
            case TopicKind.Hit:
                StoreHit(HitVerifier.Verify(payload, device));
                break;
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

                break;
            case TopicKind.Status:
                StoreLatest(device, "status.json", DeviceMessageVerifier.VerifyStatus(payload, device));
                break;
            case TopicKind.Heartbeat:
                StoreLatest(device, "heartbeat.json", DeviceMessageVerifier.VerifyHeartbeat(payload, device));
                break;
            case TopicKind.Drop:
                Append(device, layout.DropsLog, DeviceMessageVerifier.VerifyDrop(payload, device));
                break;
            case TopicKind.CommandResult:
                Append(device, layout.CommandResultsLog, DeviceMessageVerifier.VerifyCommandResult(payload, device));
                break;
            case TopicKind.ClipManifest:
                Report(_clips.AcceptManifest(ClipManifestVerifier.Verify(payload, device, topic.ClipEventId!), payload));
                break;
            case TopicKind.ClipChunk:
                Report(_clips.AcceptChunk(device, topic.ClipEventId!, topic.ChunkIndex, payload));
                break;
            default:
                throw new MessageRejectedException($"no handler for {topic.Kind}");
        }
    }

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

    private void StoreLatest(string device, string file, byte[] json)
    {
        AtomicFile.Write(layout.DeviceFile(device, file), json);
        ReceiverLog.DeviceMessageStored(logger, file, device);
        counters.CountDeviceMessage();
    }

    private void Append(string device, string log, byte[] json)
    {
        AtomicFile.AppendLine(log, json);
        ReceiverLog.DeviceMessageStored(logger, Path.GetFileName(log), device);
        counters.CountDeviceMessage();
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
