using System.Globalization;
using System.Text;
using EdgeIngest.Audit;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Records;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Footage;

/// <summary>
/// Sends approved footage (docs/footage.md, "Delivery"): plans the parts and stores the manifest
/// (in the footage store, then the outbox's clip lane), then stores the parts in the clip lane one
/// at a time, each as its chunks, the next only once the receiver confirmed the one before (all its
/// chunks gone from the outbox), so a long window never crowds hit clips out of the budget. Progress
/// is in the footage store, so after an outage or a kill -9 it goes on from the next part; a part
/// read again must hash to the manifest's sha256, else the request fails. A part already stored
/// when the process died may be stored again: the receiver takes a chunk it holds as a repeat.
/// Driven by <see cref="Advance"/> from one loop (<see cref="FootageService"/>).
/// </summary>
public sealed class FootageDelivery
{
    private readonly FootageRequests _requests;
    private readonly DurableOutbox _outbox;
    private readonly TopicLayout _topics;
    private readonly RecordStore? _records;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly int _maxPartBytes;

    // Only the one loop that calls Advance touches this.
    private readonly Dictionary<string, (string ManifestJson, FootageDeliveryPlan Plan)> _plans = new(StringComparer.Ordinal);

    /// <param name="records">Where disclosures are counted for the transparency report; null counts nothing.</param>
    /// <param name="maxPartBytes">The largest part (tests use a small one); <see cref="FootageRequestLimits.MaxPartBytes"/> by default.</param>
    public FootageDelivery(FootageRequests requests, DurableOutbox outbox, RecordStore? records, ILogger logger, TimeProvider? time = null, int maxPartBytes = FootageRequestLimits.MaxPartBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPartBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPartBytes, FootageRequestLimits.MaxPartBytes);
        _requests = requests ?? throw new ArgumentNullException(nameof(requests));
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _topics = outbox.Topics;
        _records = records;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
        _maxPartBytes = maxPartBytes;
    }

    /// <summary>
    /// Raised when the receiver confirmed footage messages (from the outbox's confirming thread),
    /// so the loop can store the next part at once rather than at its next tick.
    /// </summary>
    public event Action? Confirmed
    {
        add => _outbox.FootageConfirmed += value;
        remove => _outbox.FootageConfirmed -= value;
    }

    /// <summary>
    /// Takes every approved request one step further (plan, manifest, next part, delivered, failed).
    /// Returns true when any step was taken, so the caller may go again at once.
    /// </summary>
    public bool Advance()
    {
        var moved = false;
        foreach (var request in _requests.Store.InState(FootageStates.Approved))
        {
            moved |= Step(request);
        }

        return moved;
    }

    private FootageRequestStore Store => _requests.Store;

    private bool Step(FootageRequest request)
    {
        var id = request.RequestId;
        if (PlanOf(id) is not { } stored)
        {
            var planned = FootagePlanner.Plan(request, _requests.Recording, _topics.DeviceId, _outbox.ClipChunkBytes, _maxPartBytes, out var problem);
            if (planned is not { } made)
            {
                Fail(request, problem!);
                return true;
            }

            if (made.Plan.Parts.Count == 0)
            {
                Fail(request, $"no video is held for the approved window {FootageRequests.Iso(request.Answer!.ApprovedFrom!.Value)} to {FootageRequests.Iso(request.Answer.ApprovedTo!.Value)}");
                return true;
            }

            var json = Encoding.UTF8.GetString(FootagePlanner.Serialize(made.Manifest));
            Store.SavePlan(id, json, made.Plan, made.Plan.Parts.Sum(p => p.Bytes));
            return true;
        }

        var (manifestJson, plan) = stored;
        var group = DurableOutbox.FootageGroup(id);
        if (!request.Delivery.ManifestQueued)
        {
            if (!_outbox.TryEnqueueFootage([new OutgoingMessage(_topics.FootageManifest(id), Encoding.UTF8.GetBytes(manifestJson), group)]))
            {
                return false;
            }

            Store.MarkManifestQueued(id);
            FootageLog.ManifestQueued(_logger, id, plan.Parts.Count, request.Delivery.Bytes);
            return true;
        }

        var storedParts = request.Delivery.PartsStored;
        if (storedParts > 0 && request.Delivery.PartsConfirmed < storedParts)
        {
            var last = plan.Parts[storedParts - 1];
            if (_outbox.CountWaiting(group, PartPrefix(id, last)) > 0)
            {
                return false;
            }

            Store.MarkPartsConfirmed(id, storedParts);
            return true;
        }

        if (storedParts < plan.Parts.Count)
        {
            return StorePart(request, plan, plan.Parts[storedParts]);
        }

        if (_outbox.CountWaiting(group, $"{_topics.Prefix}/{_topics.DeviceId}/footage/{id}/") > 0)
        {
            // Every part is confirmed; the manifest is not yet.
            return false;
        }

        Deliver(request, plan);
        return true;
    }

    private bool StorePart(FootageRequest request, FootageDeliveryPlan plan, FootagePartPlan part)
    {
        var id = request.RequestId;
        var chunkBytes = _outbox.ClipChunkBytes;
        var bytes = FootagePartReader.Read(part.Slices, out var problem);
        if (bytes is null)
        {
            Fail(request, $"part {part.Index} of camera {part.CameraId} cannot be read again: {problem}");
            return true;
        }

        if (FootagePartReader.Sha256(bytes) != part.Sha256)
        {
            Fail(request, $"part {part.Index} of camera {part.CameraId} read again does not match the manifest's sha256 {part.Sha256}: the recording changed");
            return true;
        }

        var group = DurableOutbox.FootageGroup(id);
        var messages = new List<OutgoingMessage>(part.Chunks);
        for (var n = 0; n < part.Chunks; n++)
        {
            var offset = n * chunkBytes;
            var chunk = bytes.AsSpan(offset, Math.Min(chunkBytes, bytes.Length - offset)).ToArray();
            messages.Add(new OutgoingMessage(_topics.FootageChunk(id, part.CameraId, part.Index, n), chunk, group));
        }

        var size = messages.Sum(m => (long)m.Payload.Length + Encoding.UTF8.GetByteCount(m.Topic));
        if (size > _outbox.BudgetBytes)
        {
            Fail(request, string.Create(CultureInfo.InvariantCulture, $"part {part.Index} of camera {part.CameraId} ({size} bytes) is larger than the whole outbox budget ({_outbox.BudgetBytes} bytes)"));
            return true;
        }

        if (!_outbox.TryEnqueueFootage(messages))
        {
            FootageLog.WaitingForRoom(_logger, id, part.Ordinal, size);
            return false;
        }

        var now = _time.GetUtcNow();
        var last = part.Ordinal == plan.Parts.Count - 1;
        Store.MarkPartsStored(id, part.Ordinal + 1, last ? now : null);
        FootageLog.PartStored(_logger, id, part.Ordinal, plan.Parts.Count, part.Bytes, part.CameraId);
        if (last)
        {
            _requests.Audit.AppendRecord(AuditKinds.FootageSent, [.. Identity(request), .. Sizes(plan)]);

            // Counted as a disclosure when it is handed over for sending, as hits are.
            _records?.CountDisclosure("footage", now);
        }

        return true;
    }

    private void Deliver(FootageRequest request, FootageDeliveryPlan plan)
    {
        var now = _time.GetUtcNow();
        var head = _requests.Audit.AppendRecord(AuditKinds.FootageDelivered, [.. Identity(request), .. Sizes(plan)]);
        _plans.Remove(request.RequestId);
        if (Store.TryFinish(request.RequestId, FootageStates.Approved, FootageStates.Delivered, now, null))
        {
            _requests.Status.Enqueue(request, FootageStates.Delivered, now, null, null, new AuditPositionJson(head.Seq, head.Hash));
            _requests.Release(request);
            FootageLog.Delivered(_logger, request.RequestId, plan.Parts.Count, plan.Parts.Sum(p => p.Bytes));
        }
    }

    private void Fail(FootageRequest request, string reason)
    {
        var now = _time.GetUtcNow();
        var head = _requests.Audit.AppendRecord(AuditKinds.FootageFailed, [.. Identity(request), new(AuditFields.Reason, reason)]);
        _plans.Remove(request.RequestId);
        if (Store.TryFinish(request.RequestId, FootageStates.Approved, FootageStates.Failed, now, reason))
        {
            _requests.Status.Enqueue(request, FootageStates.Failed, now, null, reason, new AuditPositionJson(head.Seq, head.Hash));
            _requests.Release(request);
            FootageLog.Failed(_logger, request.RequestId, reason);
        }
    }

    /// <summary>A request's manifest and plan, read from the store once and kept while it is being delivered (a long window's plan is large).</summary>
    private (string ManifestJson, FootageDeliveryPlan Plan)? PlanOf(string requestId)
    {
        if (_plans.TryGetValue(requestId, out var known))
        {
            return known;
        }

        if (Store.Plan(requestId) is not { } stored)
        {
            return null;
        }

        _plans[requestId] = stored;
        return stored;
    }

    /// <summary>The topic prefix of one part's chunks (ending in '/', so part 1 is not part 10's prefix).</summary>
    private string PartPrefix(string requestId, FootagePartPlan part) =>
        $"{_topics.Prefix}/{_topics.DeviceId}/footage/{requestId}/{part.CameraId}/{part.Index}/";

    private static KeyValuePair<string, string>[] Identity(FootageRequest request) =>
        [new(AuditFields.RequestId, request.RequestId), new(AuditFields.CaseNumber, request.Spec.CaseNumber)];

    private static KeyValuePair<string, string>[] Sizes(FootageDeliveryPlan plan) =>
    [
        new(AuditFields.FootageParts, plan.Parts.Count.ToString(CultureInfo.InvariantCulture)),
        new(AuditFields.FootageBytes, plan.Parts.Sum(p => p.Bytes).ToString(CultureInfo.InvariantCulture)),
    ];
}
