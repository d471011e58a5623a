using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Events;
using EdgeIngest.Hosting;
using EdgeIngest.Hotlists;
using EdgeIngest.Outbox;
using EdgeIngest.Pipeline;
using EdgeIngest.Reads;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hits;

/// <summary>
/// Turns what <see cref="ReadRouter"/> decided into durable events, off the recogniser's turn:
/// encodes a hit's snapshots, commits the event (with its clip promise) to the outbox, asks for
/// the clip, and only then logs the HIT line, so an event id in the log is an event that survives
/// a crash. Every camera shares one recogniser; before this ran on its own loop, a hit's two JPEG
/// encodes and its fsync'd commit stalled every camera's recognition.
/// The queue is bounded (<see cref="Capacity"/> decisions, each holding a frame copy) and never
/// drops: when it is full, the router waits. Stopping drains it.
/// </summary>
public sealed class HitCommitter : BackgroundLoop
{
    /// <summary>Decisions waiting at most; about 44 MB of 1280x720 frame copies.</summary>
    public const int Capacity = 16;

    private readonly Channel<DecidedRead> _queue = Channel.CreateBounded<DecidedRead>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly string _deviceId;
    private readonly HitSnapshots _snapshots;
    private readonly TopicLayout _topics;
    private readonly DurableOutbox _outbox;
    private readonly HitClipSender? _clips;
    private readonly ClipPromiseJson? _clipPromise;
    private readonly ILogger _logger;
    private long _committed;

    public HitCommitter(string deviceId, HitSnapshots snapshots, TopicLayout topics, DurableOutbox outbox, ILogger logger, HitClipSender? clips = null, ClipPromiseJson? clipPromise = null)
        : base("hit committer", logger)
    {
        _deviceId = deviceId;
        _snapshots = snapshots;
        _topics = topics;
        _outbox = outbox;
        _clips = clips;
        _clipPromise = clipPromise;
        _logger = logger;
    }

    /// <summary>Events committed to the outbox since start (hits and shared reads).</summary>
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
            catch (Exception e) when (e is OutboxException or IOException or InvalidOperationException)
            {
                ReadRouterLog.CommitFailed(_logger, decided.CameraId, decided.Text, decided.EventId, e.Message);
            }
            finally
            {
                decided.Frame?.Dispose();
            }
        }
    }

    /// <summary>Encodes (for a hit), commits and logs one decision; the frame copy stays the caller's to dispose.</summary>
    internal void Commit(DecidedRead decided)
    {
        if (decided.Match is not null)
        {
            CommitHit(decided);
        }
        else
        {
            CommitSharedRead(decided);
        }

        Interlocked.Increment(ref _committed);
    }

    private void CommitHit(DecidedRead decided)
    {
        var match = decided.Match!.Value;
        var entry = match.Entry;
        var image = decided.Frame!.Image;
        var hit = new HitEvent(
            HitEvent.SchemaV2,
            decided.EventId,
            _deviceId,
            decided.CameraId,
            decided.CapturedAtUtc,
            decided.Text,
            decided.Confidence,
            new HotlistJson(entry.Plate, entry.Reason, entry.Priority.ToString().ToLowerInvariant(), entry.Category, entry.Region, decided.ListVersion, entry.Covert),
            ToJson(decided.Box),
            new SnapshotJson(
                image.Width,
                image.Height,
                Convert.ToBase64String(_snapshots.EncodePlate(image, decided.Box)),
                Convert.ToBase64String(_snapshots.EncodeFrame(image))),
            _clips is null ? null : _clipPromise,
            new MatchJson(MatchKindName(match.Kind), match.Distance, match.ConfirmBeforeActing, match.MatchedReading),
            decided.AgreementVersion);

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
        _clips?.Request(new HitClipRequest(hit.EventId, decided.CameraId, decided.CapturedAtUtc));
        if (entry.Covert)
        {
            // A covert entry's hit goes to the agency but is never shown on the box.
            ReadRouterLog.CovertHit(_logger, decided.CameraId, hit.EventId);
        }
        else
        {
            ReadRouterLog.Hit(_logger, decided.CameraId, decided.Text, decided.Confidence, decided.Reads, entry.Plate, entry.Reason, hit.Hotlist.Priority, MatchNote(match), hit.EventId);
        }
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
        ReadRouterLog.Read(_logger, decided.CameraId, decided.Text, decided.Confidence, decided.Reads, "shared: policy all_reads");
    }

    private static BoxJson ToJson(PlateBox box) => new(box.X, box.Y, box.Width, box.Height);

    /// <summary>The kind as written in <c>match.kind</c>.</summary>
    public static string MatchKindName(MatchKind kind) => kind switch
    {
        MatchKind.Exact => "exact",
        MatchKind.LookAlike => "look_alike",
        _ => "wildcard",
    };

    private static string MatchNote(HotlistMatch match) => match.Kind switch
    {
        MatchKind.Exact => "exact match",
        MatchKind.LookAlike => $"look-alike match, {match.Distance} character(s) differ: confirm before acting",
        _ => "wildcard match: confirm before acting",
    };
}
