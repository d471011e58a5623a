using System.Globalization;
using System.Text.Json;
using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Recordings;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Footage;

/// <summary>
/// The device's footage requests and the owner's answers (docs/footage.md): takes a
/// <c>footage.request</c> in (refused at once, or stored as pending), lists them for the owner's
/// console, takes the owner's approval or decline, and expires what was not answered in time.
/// Every step is audited, and every change after <c>pending</c> is sent to the agency as an
/// <c>edgeingest.footage-status/1</c>. Pending and approved requests hold their window in the
/// recording. Delivery of approved footage is <see cref="FootageDelivery"/>'s. Thread-safe.
/// </summary>
public sealed class FootageRequests
{
    /// <summary>Who answers in the console, as the audit and the agency see it.</summary>
    public const string ConsoleOwner = "owner (console)";

    private const int MaxDeclineReasonLength = 1000;
    private readonly FootageRequestStore _store;
    private readonly IFootageRecording _recording;
    private readonly AgreementHolder _agreements;
    private readonly IAuditTrail _audit;
    private readonly FootageStatusEvents _status;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public FootageRequests(FootageRequestStore store, IFootageRecording recording, AgreementHolder agreements, IAuditTrail audit, DurableOutbox outbox, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _recording = recording ?? throw new ArgumentNullException(nameof(recording));
        _agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _status = new FootageStatusEvents(outbox, outbox.Topics);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Called after an approval, so the delivery starts at once instead of at its next turn.</summary>
    internal Action? Approved { get; set; }

    internal FootageRequestStore Store => _store;

    internal IFootageRecording Recording => _recording;

    internal IAuditTrail Audit => _audit;

    internal FootageStatusEvents Status => _status;

    /// <summary>Every request, pending first (oldest first), then the answered ones (newest first), with their outcome and delivery progress.</summary>
    public IReadOnlyList<FootageRequest> List() => _store.List();

    /// <summary>One request by its id, or null when there is none.</summary>
    public FootageRequest? Get(string requestId) => _store.Get(requestId);

    /// <summary>The cameras the owner may be asked about (those with a recording).</summary>
    public IReadOnlyCollection<string> Cameras => _recording.Cameras;

    /// <summary>A JPEG of the frame nearest <paramref name="at"/> on <paramref name="cameraId"/>, for the console's preview; null when no video is held there.</summary>
    public Task<byte[]?> StillAsync(string cameraId, DateTimeOffset at, CancellationToken cancellationToken) =>
        _recording.StillAsync(cameraId, at, cancellationToken);

    /// <summary>
    /// Approves <paramref name="requestId"/> for [<paramref name="from"/>, <paramref name="to"/>): the
    /// whole requested window or a shorter one inside it. Refused (with the reason) for an unknown
    /// id, a request already answered or expired, a window outside the requested one or empty, a
    /// missing <paramref name="by"/>, or with no agreement in force. On success the approval is
    /// audited, sent to the agency, and the delivery starts.
    /// </summary>
    public FootageAnswerResult Approve(string requestId, DateTimeOffset from, DateTimeOffset to, string by)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        if (string.IsNullOrWhiteSpace(by))
        {
            return FootageAnswerResult.Refused("an approval must say who approves (by)");
        }

        FootageAnswerResult result;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (Answerable(requestId, now, out var request) is { } refused)
            {
                return refused;
            }

            if (from >= to)
            {
                return FootageAnswerResult.Refused($"the approved window must end after it begins ({Iso(from)} to {Iso(to)})", request);
            }

            var spec = request!.Spec;
            if (from < spec.From || to > spec.To)
            {
                return FootageAnswerResult.Refused(
                    $"the approved window {Iso(from)} to {Iso(to)} lies outside the requested window {Iso(spec.From)} to {Iso(spec.To)}: approve all of it or a shorter window inside it",
                    request);
            }

            if (AgreementInForce(now) is null)
            {
                return FootageAnswerResult.Refused("no data-sharing agreement in force: footage cannot be sent without one", request);
            }

            var position = Append(AuditKinds.FootageApproved, request, [
                new(AuditFields.FootageCameras, string.Join(",", spec.Cameras)),
                new(AuditFields.ApprovedFrom, Iso(from)),
                new(AuditFields.ApprovedTo, Iso(to)),
                new(AuditFields.RequestedFrom, Iso(spec.From)),
                new(AuditFields.RequestedTo, Iso(spec.To)),
                new(AuditFields.AnsweredBy, by)]);
            var answer = new FootageAnswer(by, now, from, to, null, position);
            result = Answer(request, FootageStates.Approved, answer);
            if (result.Ok)
            {
                Hold(result.Request!);
            }
        }

        if (result.Ok)
        {
            Approved?.Invoke();
        }

        return result;
    }

    /// <summary>
    /// Declines <paramref name="requestId"/> with <paramref name="reason"/> (required, at most 1000
    /// characters). Refused (with the reason) for an unknown id, a request already answered or
    /// expired, or no reason. On success the decline is audited and sent to the agency, and the
    /// window's hold is released.
    /// </summary>
    public FootageAnswerResult Decline(string requestId, string reason, string by)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return FootageAnswerResult.Refused("a decline needs a reason: the agency is told why");
        }

        reason = reason.Trim();
        if (reason.Length > MaxDeclineReasonLength)
        {
            return FootageAnswerResult.Refused($"the reason of {reason.Length} characters exceeds the {MaxDeclineReasonLength}-character limit");
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            return FootageAnswerResult.Refused("a decline must say who declines (by)");
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (Answerable(requestId, now, out var request) is { } refused)
            {
                return refused;
            }

            var position = Append(AuditKinds.FootageDeclined, request!, [new(AuditFields.Reason, reason), new(AuditFields.AnsweredBy, by)]);
            var result = Answer(request!, FootageStates.Declined, new FootageAnswer(by, now, null, null, reason, position));
            if (result.Ok)
            {
                Release(request!);
            }

            return result;
        }
    }

    /// <summary>Expires every pending request past its answer time; returns how many. Run at start and at least every minute.</summary>
    public int ExpireDue()
    {
        var expired = 0;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var request in _store.InState(FootageStates.Pending))
            {
                if (request.ExpiresAt <= now && Expire(request, now))
                {
                    expired++;
                }
            }
        }

        return expired;
    }

    /// <summary>Holds the window of every pending (requested window) and approved (approved window) request in the recording: holds live in memory, so at each start.</summary>
    public void HoldAll()
    {
        lock (_gate)
        {
            foreach (var request in _store.InState(FootageStates.Pending).Concat(_store.InState(FootageStates.Approved)))
            {
                Hold(request);
            }
        }
    }

    /// <summary>
    /// Takes in a <c>footage.request</c> command: the request refused at once (ok false and the
    /// reason, audited <c>footage_refused</c>, nothing stored), or stored as pending (audited
    /// <c>footage_received</c>) for the owner. The same request delivered again is answered as before
    /// and not stored twice.
    /// </summary>
    internal FootageIntake Receive(string requestId, JsonElement command)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (FootageRequestParser.CheckRequestId(requestId) is { } badId)
            {
                return Refuse(FootageRequestParser.Quote(requestId), null, badId);
            }

            if (FootageRequestParser.Parse(command, out var spec) is { } malformed)
            {
                return Refuse(requestId, null, malformed);
            }

            if (_store.Get(requestId) is { } earlier)
            {
                // A redelivery (QoS 1, or the agency trying again after a restart of either side).
                return SameSpec(earlier.Spec, spec!)
                    ? FootageIntake.Accepted($"footage request {requestId} was already received (now {earlier.State})")
                    : Refuse(requestId, spec, $"request id {FootageRequestParser.Quote(requestId)} was already used for a different footage request");
            }

            if (Refusal(spec!, now) is { } reason)
            {
                return Refuse(requestId, spec, reason);
            }

            var agreement = AgreementInForce(now)!;
            var expires = now + agreement.FootageTerms.AnswerWithin;
            var position = _audit.AppendRecord(AuditKinds.FootageReceived, [
                new(AuditFields.RequestId, requestId),
                new(AuditFields.CaseNumber, spec!.CaseNumber),
                new(AuditFields.ReasonCode, spec.ReasonCode),
                new(AuditFields.Officer, spec.Officer),
                new(AuditFields.FootageCameras, string.Join(",", spec.Cameras)),
                new(AuditFields.RequestedFrom, Iso(spec.From)),
                new(AuditFields.RequestedTo, Iso(spec.To)),
                .. spec.Note is { } note ? [new KeyValuePair<string, string>(AuditFields.FootageNote, note)] : Array.Empty<KeyValuePair<string, string>>(),
                new(AuditFields.ExpiresAt, Iso(expires))]);
            var request = new FootageRequest(
                requestId,
                spec,
                FootageStates.Pending,
                now,
                expires,
                new AuditPositionJson(position.Seq, position.Hash),
                null,
                FootageDeliveryProgress.None,
                null,
                null);
            _store.TryAdd(request);
            Hold(request);
            FootageLog.Received(_logger, requestId, spec.CaseNumber, spec.Officer, string.Join(",", spec.Cameras), Iso(spec.From), Iso(spec.To), Iso(expires));
            return FootageIntake.Accepted($"footage request {requestId} for case {spec.CaseNumber} waits for the owner's answer until {Iso(expires)}");
        }
    }

    internal static string Iso(DateTimeOffset at) => FootageRequestParser.Iso(at);

    /// <summary>Why a well-formed request cannot be taken (docs/footage.md), or null.</summary>
    private string? Refusal(FootageRequestSpec spec, DateTimeOffset now)
    {
        if (AgreementInForce(now) is not { } agreement)
        {
            return "no data-sharing agreement in force: footage requests need one";
        }

        var terms = agreement.FootageTerms;
        var length = spec.To - spec.From;
        if (length > terms.MaxWindow)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the window of {length.TotalHours:0.##} h is longer than the agreement's max_window_hours of {terms.MaxWindowHours} h");
        }

        if (spec.From > now)
        {
            return $"the window begins in the future ({Iso(spec.From)}; the device's time is {Iso(now)})";
        }

        var cameras = _recording.Cameras;
        foreach (var camera in spec.Cameras)
        {
            if (!cameras.Contains(camera))
            {
                var held = cameras.Count == 0 ? "none" : string.Join(", ", cameras.Order(StringComparer.Ordinal));
                return $"camera {FootageRequestParser.Quote(camera)} is not on this device; its cameras: {held}";
            }

            if (_recording.OldestAt(camera) is not { } oldest)
            {
                return $"no video is held for camera {FootageRequestParser.Quote(camera)}";
            }

            if (spec.To <= oldest)
            {
                return $"the window ends at {Iso(spec.To)}, before the oldest video held for camera {FootageRequestParser.Quote(camera)} (from {Iso(oldest)})";
            }
        }

        return null;
    }

    private SharingAgreement? AgreementInForce(DateTimeOffset now) =>
        _agreements.Current?.Agreement is { } agreement && agreement.IsInForceAt(now) ? agreement : null;

    private FootageIntake Refuse(string requestId, FootageRequestSpec? spec, string reason)
    {
        _audit.AppendRecord(AuditKinds.FootageRefused, [
            new(AuditFields.RequestId, requestId),
            .. spec is null ? Array.Empty<KeyValuePair<string, string>>() : [new KeyValuePair<string, string>(AuditFields.CaseNumber, spec.CaseNumber)],
            new(AuditFields.Reason, reason)]);
        FootageLog.Refused(_logger, requestId, reason);
        return FootageIntake.Refused(reason);
    }

    /// <summary>Null when <paramref name="requestId"/> is pending and not past its time (and then <paramref name="request"/>), else the refusal.</summary>
    private FootageAnswerResult? Answerable(string requestId, DateTimeOffset now, out FootageRequest? request)
    {
        request = _store.Get(requestId);
        if (request is null)
        {
            return FootageAnswerResult.Refused($"there is no footage request {FootageRequestParser.Quote(requestId)}");
        }

        if (request.IsPending && request.ExpiresAt <= now)
        {
            Expire(request, now);
            request = _store.Get(requestId);
        }

        if (request!.State == FootageStates.Expired)
        {
            return FootageAnswerResult.Refused($"footage request {requestId} expired at {Iso(request.ExpiresAt)} without an answer; the agency must ask again", request);
        }

        if (!request.IsPending)
        {
            var answer = request.Answer is { } a ? $" by {a.By} at {Iso(a.At)}" : "";
            return FootageAnswerResult.Refused($"footage request {requestId} was already answered ({request.State}{answer})", request);
        }

        return null;
    }

    private FootageAnswerResult Answer(FootageRequest request, string state, FootageAnswer answer)
    {
        if (!_store.TryAnswer(request.RequestId, state, answer))
        {
            // Cannot happen under the lock; said plainly if the file was changed behind our back.
            return FootageAnswerResult.Refused($"footage request {request.RequestId} is no longer pending", _store.Get(request.RequestId));
        }

        var answered = _store.Get(request.RequestId)!;
        _status.Enqueue(answered, state, answer.At, answer.By, answer.DeclineReason, answer.Audit);
        FootageLog.Answered(_logger, request.RequestId, state, answer.By);
        return FootageAnswerResult.Done(answered);
    }

    private bool Expire(FootageRequest request, DateTimeOffset now)
    {
        var position = Append(AuditKinds.FootageExpired, request, [new(AuditFields.ExpiresAt, Iso(request.ExpiresAt))]);
        if (!_store.TryFinish(request.RequestId, FootageStates.Pending, FootageStates.Expired, now, null))
        {
            return false;
        }

        _status.Enqueue(request, FootageStates.Expired, now, null, null, position);
        Release(request);
        FootageLog.Expired(_logger, request.RequestId);
        return true;
    }

    private AuditPositionJson Append(string kind, FootageRequest request, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var head = _audit.AppendRecord(kind, [new(AuditFields.RequestId, request.RequestId), new(AuditFields.CaseNumber, request.Spec.CaseNumber), .. fields]);
        return new AuditPositionJson(head.Seq, head.Hash);
    }

    private void Hold(FootageRequest request)
    {
        var (from, to) = request.Answer is { Approved: true } answer ? (answer.ApprovedFrom!.Value, answer.ApprovedTo!.Value) : (request.Spec.From, request.Spec.To);
        foreach (var camera in request.Spec.Cameras)
        {
            _recording.Hold(HoldId(request.RequestId, camera), camera, from, to);
        }
    }

    internal void Release(FootageRequest request)
    {
        foreach (var camera in request.Spec.Cameras)
        {
            _recording.Release(HoldId(request.RequestId, camera));
        }
    }

    private static string HoldId(string requestId, string camera) => $"footage/{requestId}/{camera}";

    private static bool SameSpec(FootageRequestSpec a, FootageRequestSpec b) =>
        JsonSerializer.Serialize(a, FootagePlanJsonContext.Default.FootageRequestSpec) == JsonSerializer.Serialize(b, FootagePlanJsonContext.Default.FootageRequestSpec);
}
