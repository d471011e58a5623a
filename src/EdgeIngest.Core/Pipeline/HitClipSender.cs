using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Clips;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Cuts the pre/post-roll clip of each hit and hands it to the outbox's clip lane. Runs off the
/// recognition thread: a cut waits for the post-roll to be recorded (seconds), and several hits'
/// cuts may wait at once. A clip that cannot be made is reported as a drop, so the receiver that
/// was promised a clip is not left waiting without a reason.
/// </summary>
public sealed class HitClipSender(ClipCutter cutter, DurableOutbox outbox, TopicLayout topics, ILogger logger) : IAsyncDisposable
{
    private const int ConcurrentCuts = 4;
    private readonly Channel<HitClipRequest> _requests = Channel.CreateUnbounded<HitClipRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _cuts = new(ConcurrentCuts, ConcurrentCuts);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _inFlight = [];
    private Task _loop = Task.CompletedTask;

    public void Start() => _loop = Task.Run(() => DispatchAsync(_stop.Token));

    /// <summary>Called on the recognition thread right after the hit is in the outbox; never blocks.</summary>
    public void Request(HitClipRequest request) => _requests.Writer.TryWrite(request);

    public async Task StopAsync()
    {
        _requests.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Task[] pending;
        lock (_inFlight)
        {
            pending = [.. _inFlight];
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
        _cuts.Dispose();
    }

    private async Task DispatchAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var request in _requests.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                await _cuts.WaitAsync(stop).ConfigureAwait(false);
                var cut = Task.Run(() => CutAndQueueAsync(request, stop), CancellationToken.None);
                lock (_inFlight)
                {
                    _inFlight.Add(cut);
                    _inFlight.RemoveAll(t => t.IsCompleted);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: cuts already running finish or give up on their own token.
        }
    }

    private async Task CutAndQueueAsync(HitClipRequest request, CancellationToken stop)
    {
        try
        {
            var clip = await cutter.CutAroundAsync(request.CameraId, request.ReadAt, stop).ConfigureAwait(false);
            var bytes = await File.ReadAllBytesAsync(clip.Path, stop).ConfigureAwait(false);
            if (outbox.EnqueueClip(new ClipToSend(request.EventId, request.CameraId, clip.StartsAt, clip.EndsAt, clip.TruncatedPreRoll, bytes)))
            {
                HitClipSenderLog.Queued(logger, request.EventId, request.CameraId, clip.Duration.TotalSeconds, clip.Bytes, clip.TruncatedPreRoll ? " (pre-roll truncated: older than the segment ring)" : "");
            }
        }
        catch (Exception e) when (e is ClipException or IOException or OperationCanceledException)
        {
            var reason = e is OperationCanceledException ? "the appliance stopped before the post-roll was recorded" : e.Message;
            HitClipSenderLog.Failed(logger, request.EventId, request.CameraId, reason);
            ReportMissingClip(request, reason);
        }
        finally
        {
            _cuts.Release();
        }
    }

    private void ReportMissingClip(HitClipRequest request, string reason)
    {
        var drop = new DropEvent(DropEvent.SchemaV1, topics.DeviceId, DateTimeOffset.UtcNow, DropEvent.ClipKind, request.EventId, 0, $"clip could not be made: {reason}");
        outbox.Enqueue(new OutgoingMessage(topics.Drops, JsonSerializer.SerializeToUtf8Bytes(drop, EventJsonContext.Default.DropEvent), request.EventId));
    }
}
