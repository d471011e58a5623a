using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Audit;
using EdgeIngest.Events;
using EdgeIngest.Hosting;
using EdgeIngest.Hotlists;
using EdgeIngest.Outbox;
using EdgeIngest.Pipeline;
using EdgeIngest.Reads;
using EdgeIngest.Records;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hits;

/// <summary>
/// Carries out what <see cref="ReadRouter"/> decided, off the recogniser's turn: for a hit it
/// encodes the snapshots, commits the event (with its clip promise) to the outbox, asks for the
/// clip, records the disclosure in the audit and the hit with its evidence on the box, and only
/// then logs the HIT line, so an event id in the log is an event that survives a crash. Reads and
/// withheld matches are recorded on the box (and a shared read sent and audited). Every camera
/// shares one recogniser; before this ran on its own loop, a hit's two JPEG encodes and its
/// fsync'd commit stalled every camera's recognition.
/// The queue is bounded (<see cref="Capacity"/> decisions, a hit holding a frame copy) and never
/// drops: when it is full, the router waits. Stopping drains it.
/// </summary>
public sealed class HitCommitter : BackgroundLoop
{
    /// <summary>Decisions waiting at most; with every one a hit, about 44 MB of 1280x720 frame copies.</summary>
    public const int Capacity = 16;

    private readonly Channel<DecidedRead> _queue = Channel.CreateBounded<DecidedRead>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly string _deviceId;
    private readonly HitSnapshots _snapshots;
    private readonly TopicLayout _topics;
    private readonly DurableOutbox _outbox;
    private readonly RecordStore _records;
    private readonly IAuditTrail _audit;
    private readonly Func<string> _agency;
    private readonly HitClipSender? _clips;
    private readonly ClipPromiseJson? _clipPromise;
    private readonly ILogger _logger;
    private long _committed;

    /// <param name="agency">Who receives what is disclosed (the agreement's agency, or the broker without one), for the audit.</param>
    public HitCommitter(
        string deviceId,
        HitSnapshots snapshots,
        TopicLayout topics,
        DurableOutbox outbox,
        RecordStore records,
        IAuditTrail audit,
        Func<string> agency,
        ILogger logger,
        HitClipSender? clips = null,
        ClipPromiseJson? clipPromise = null)
        : base("hit committer", logger)
    {
        _deviceId = deviceId;
        _snapshots = snapshots;
        _topics = topics;
        _outbox = outbox;
        _records = records;
        _audit = audit;
        _agency = agency;
        _clips = clips;
        _clipPromise = clipPromise;
        _logger = logger;
    }

    /// <summary>Decisions carried out since start.</summary>
    public long Committed => Interlocked.Read(ref _committed);

    protected override bool DrainsOnStop => true;

    /// <summary>On the recognition thread: queues a decision, waiting only when <see cref="Capacity"/> are already queued.</summary>
    internal void Submit(DecidedRead decided)
    {
        if (_queue.Writer.TryWrite(decided))
        {
            return;
        }

        // Full: the recognition thread waits rather than lose a hit (the stop drains the queue, so this ends).
        try
        {
            _queue.Writer.WriteAsync(decided).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            decided.Frame?.Dispose();
            throw new InvalidOperationException($"the hit committer has stopped; event {decided.EventId} of camera {decided.CameraId} was not queued");
        }
    }

    protected override Task OnStoppingAsync()
    {
        _queue.Writer.TryComplete();
        return Task.CompletedTask;
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        // Drains everything queued, at a stop too: each decision is a vehicle pass already reported.
        await foreach (var decided in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                Commit(decided);
            }
            catch (Exception e)
            {
                // Whatever went wrong with one pass (a full disk, a bad frame), the loop goes on:
                // if it ended, the router would wait on a full queue and every camera with it.
                ReadRouterLog.CommitFailed(_logger, decided.CameraId, decided.EventId, e.Message);
            }
            finally
            {
                decided.Frame?.Dispose();
            }
        }
    }

    /// <summary>Carries out one decision; the frame copy stays the caller's to dispose.</summary>
    internal void Commit(DecidedRead decided)
    {
        switch (decided.Disposition)
        {
            case Disposition.Hit:
                CommitHit(decided);
                break;
            case Disposition.SharedRead:
                CommitSharedRead(decided);
                break;
            case Disposition.Withheld:
                KeepWithheld(decided);
                break;
            case Disposition.Correction:
                CommitCorrection(decided);
                break;
            default:
                _records.RecordRead(new RecordedRead(decided.EventId, decided.CameraId, decided.CapturedAtUtc, decided.Text, decided.Confidence, Shared: false));
                ReadRouterLog.Read(_logger, decided.CameraId, decided.Text, decided.Confidence, decided.Reads, "kept on the box: only hits are shared");
                break;
        }

        Interlocked.Increment(ref _committed);
    }

    private void CommitHit(DecidedRead decided)
    {
        var match = decided.Match!.Value;
        var entry = match.Entry;
        var image = decided.Frame!.Image;
        var plateJpeg = _snapshots.EncodePlate(image, decided.Box);
        var frameJpeg = _snapshots.EncodeFrame(image);
        var confirm = ConfirmBeforeActing(match, decided.Text);
        var hit = new HitEvent(
            HitEvent.SchemaV3,
            decided.EventId,
            _deviceId,
            decided.CameraId,
            decided.CapturedAtUtc,
            decided.Text,
            decided.Confidence,
            new HotlistJson(entry.Plate, entry.Reason, entry.Priority.ToString().ToLowerInvariant(), entry.Category, entry.Region, decided.ListVersion, entry.Covert),
            ToJson(decided.Box),
            new SnapshotJson(image.Width, image.Height, Convert.ToBase64String(plateJpeg), Convert.ToBase64String(frameJpeg)),
            _clips is null ? null : _clipPromise,
            new MatchJson(MatchKindName(match.Kind), match.Distance, confirm, match.MatchedReading),
            decided.AgreementVersion,
            decided.FirstReadAtUtc,
            decided.Alternatives);

        // The promise of a clip is stored with the hit (one transaction), so a crash before the
        // clip is stored is found and answered at the next start (ClipPromiseRecovery).
        var promise = hit.Clip is { } promised
            ? new ClipPromise(
                hit.EventId,
                decided.CameraId,
                decided.CapturedAtUtc - TimeSpan.FromSeconds(promised.PreRollSeconds),
                decided.CapturedAtUtc + TimeSpan.FromSeconds(promised.PostRollSeconds),
                DateTimeOffset.UtcNow)
            : null;
        _outbox.Enqueue(new OutgoingMessage(_topics.Hits, JsonSerializer.SerializeToUtf8Bytes(hit, EventJsonContext.Default.HitEvent), hit.EventId), promise);
        _clips?.Request(new HitClipRequest(hit.EventId, decided.CameraId, decided.CapturedAtUtc, KeepOnBox: !entry.Covert));

        // A covert entry's hit goes to the agency but is never shown on the box: the box keeps
        // that a hit happened, under its event id, and nothing of what it was.
        _audit.Append(AuditKinds.Disclosure, DisclosureFields(decided, "hit", entry.Covert ? null : match));
        _records.RecordRead(new RecordedRead(decided.EventId, decided.CameraId, decided.CapturedAtUtc, decided.Text, decided.Confidence, Shared: false));
        if (entry.Covert)
        {
            _records.RecordHit(new RecordedHit(decided.EventId, decided.CameraId, decided.CapturedAtUtc, "", "", CovertCategory, match.Kind, 0, Disclosed: true, null, decided.ListVersion, decided.AgreementVersion));
            ReadRouterLog.CovertHit(_logger, decided.CameraId, hit.EventId);
            return;
        }

        _records.RecordHit(new RecordedHit(decided.EventId, decided.CameraId, decided.CapturedAtUtc, decided.Text, entry.Plate, entry.Category, match.Kind, match.Distance, Disclosed: true, null, decided.ListVersion, decided.AgreementVersion));
        _records.StoreEvidence(decided.EventId, "plate", decided.CapturedAtUtc, plateJpeg);
        _records.StoreEvidence(decided.EventId, "frame", decided.CapturedAtUtc, frameJpeg);
        ReadRouterLog.Hit(_logger, decided.CameraId, decided.Text, decided.Confidence, decided.Reads, entry.Plate, entry.Reason, hit.Hotlist.Priority, MatchNote(match, confirm), hit.EventId);
    }

    // The hit went out before its pass's vote was final, and the final vote disagrees: the agency
    // is told under a new event id which hit this corrects, and whether it is still a hit.
    private void CommitCorrection(DecidedRead decided)
    {
        var corrects = decided.CorrectsEventId!;
        var entry = decided.Match?.Entry;
        var correction = new HitCorrectionEvent(
            HitCorrectionEvent.SchemaV1,
            decided.EventId,
            corrects,
            _deviceId,
            decided.CameraId,
            decided.CapturedAtUtc,
            decided.Text,
            decided.Confidence,
            decided.Reads,
            entry is null ? null : new HotlistJson(entry.Plate, entry.Reason, entry.Priority.ToString().ToLowerInvariant(), entry.Category, entry.Region, decided.ListVersion, entry.Covert),
            decided.Match is { } match ? new MatchJson(MatchKindName(match.Kind), match.Distance, ConfirmBeforeActing(match, decided.Text), match.MatchedReading) : null);
        _outbox.Enqueue(new OutgoingMessage(_topics.Corrections, JsonSerializer.SerializeToUtf8Bytes(correction, EventJsonContext.Default.HitCorrectionEvent), correction.EventId));
        var covert = entry?.Covert == true;
        _audit.Append(AuditKinds.Disclosure, [.. DisclosureFields(covert ? decided with { Text = "(covert)" } : decided, "correction", covert ? null : decided.Match), new(AuditFields.Corrects, corrects)]);
        // The vehicle was counted with its hit; the correction is one more thing sent to the agency.
        _records.CountDisclosure("correction", decided.CapturedAtUtc);
        ReadRouterLog.Corrected(_logger, decided.CameraId, corrects, covert ? "(covert)" : decided.Text, entry is null ? "no longer a hotlist match" : "still a hit", correction.EventId);
    }

    private void CommitSharedRead(DecidedRead decided)
    {
        var message = new ReadEvent(
            ReadEvent.SchemaV1,
            decided.EventId,
            _deviceId,
            decided.CameraId,
            decided.CapturedAtUtc,
            decided.Text,
            decided.Confidence,
            ToJson(decided.Box));
        _outbox.Enqueue(new OutgoingMessage(_topics.Reads, JsonSerializer.SerializeToUtf8Bytes(message, EventJsonContext.Default.ReadEvent), message.EventId));
        _audit.Append(AuditKinds.Disclosure, DisclosureFields(decided, "read", match: null));
        _records.RecordRead(new RecordedRead(decided.EventId, decided.CameraId, decided.CapturedAtUtc, decided.Text, decided.Confidence, Shared: true));
        ReadRouterLog.Read(_logger, decided.CameraId, decided.Text, decided.Confidence, decided.Reads, "shared: agreement and policy all_reads");
    }

    private void KeepWithheld(DecidedRead decided)
    {
        var category = decided.Match!.Value.Entry.Covert ? CovertCategory : decided.Match.Value.Entry.Category;
        _records.RecordRead(new RecordedRead(decided.EventId, decided.CameraId, decided.CapturedAtUtc, decided.Text, decided.Confidence, Shared: false));
        _records.CountWithheld(category, decided.WithheldReason!, decided.CapturedAtUtc);
        ReadRouterLog.Withheld(_logger, decided.CameraId, category, decided.WithheldReason!);
    }

    /// <summary>What the audit keeps of a disclosure; without <paramref name="match"/> (a read, or a covert hit) no hotlist detail.</summary>
    private KeyValuePair<string, string>[] DisclosureFields(DecidedRead decided, string what, HotlistMatch? match)
    {
        var covert = what == "hit" && match is null;
        List<KeyValuePair<string, string>> fields =
        [
            new(AuditFields.EventId, decided.EventId),
            new(AuditFields.What, what),
            new(AuditFields.Agency, _agency()),
            new(AuditFields.CameraId, decided.CameraId),
            new(AuditFields.Plate, covert ? "(covert)" : decided.Text),
        ];
        if (match is { } m)
        {
            fields.Add(new(AuditFields.ListedPlate, m.Entry.Plate));
            fields.Add(new(AuditFields.Category, m.Entry.Category));
            fields.Add(new(AuditFields.MatchKind, MatchKindName(m.Kind)));
        }
        else if (covert)
        {
            fields.Add(new(AuditFields.Category, CovertCategory));
        }

        fields.Add(new(AuditFields.HotlistVersion, decided.ListVersion.ToString(CultureInfo.InvariantCulture)));
        fields.Add(new(AuditFields.AgreementVersion, decided.AgreementVersion?.ToString(CultureInfo.InvariantCulture) ?? "none (local policy)"));
        return [.. fields];
    }

    /// <summary>The category the box shows for a covert entry's hit, in place of its own.</summary>
    public const string CovertCategory = "covert";

    private static BoxJson ToJson(PlateBox box) => new(box.X, box.Y, box.Width, box.Height);

    /// <summary>The kind as written in <c>match.kind</c>.</summary>
    public static string MatchKindName(MatchKind kind) => kind switch
    {
        MatchKind.Exact => "exact",
        MatchKind.LookAlike => "look_alike",
        _ => "wildcard",
    };

    /// <summary>Anything but an exact match of the voted text itself: a look-alike, a wildcard, or a match on one of the tracker's alternative readings.</summary>
    public static bool ConfirmBeforeActing(HotlistMatch match, string votedText) =>
        match.ConfirmBeforeActing || !string.Equals(match.MatchedReading, votedText, StringComparison.Ordinal);

    private static string MatchNote(HotlistMatch match, bool confirm) => match.Kind switch
    {
        MatchKind.Exact when !confirm => "exact match",
        MatchKind.Exact => $"exact match of the alternative reading {match.MatchedReading}: confirm before acting",
        MatchKind.LookAlike => $"look-alike match, {match.Distance} character(s) differ: confirm before acting",
        _ => "wildcard match: confirm before acting",
    };
}
