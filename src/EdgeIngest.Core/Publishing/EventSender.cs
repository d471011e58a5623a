using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

/// <summary>
/// Sends events to the agency broker in the order they were created. An event leaves the queue
/// only when the broker has acknowledged it; a broker that is down or refuses is retried with
/// backoff, and the event is sent again, never dropped. (The queue lives in memory; a durable
/// on-disk outbox that also survives power loss is the next step, see the README.)
/// </summary>
public sealed class EventSender : IAsyncDisposable
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly Func<CancellationToken, Task<IMessagePublisher>> _connect;
    private readonly ILogger _logger;
    private readonly Channel<OutgoingMessage> _queue = Channel.CreateUnbounded<OutgoingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private IMessagePublisher? _publisher;
    private long _delivered;
    private int _pending;

    private readonly string _broker;

    /// <param name="broker">The broker as shown in logs (host:port, never credentials).</param>
    public EventSender(string broker, Func<CancellationToken, Task<IMessagePublisher>> connect, ILogger logger)
    {
        _broker = broker;
        _connect = connect;
        _logger = logger;
    }

    public int Pending => Volatile.Read(ref _pending);

    public long Delivered => Interlocked.Read(ref _delivered);

    public void Start() => _loop = Task.Run(() => SendLoopAsync(_stop.Token));

    /// <summary>Queues an event; never blocks the frame path and never drops.</summary>
    public void Enqueue(OutgoingMessage message)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(message))
        {
            Interlocked.Decrement(ref _pending);
            throw new InvalidOperationException("The event sender is stopped; the event cannot be queued.");
        }
    }

    /// <summary>Stops after trying, for up to <paramref name="drainTimeout"/>, to deliver what is queued.</summary>
    public async Task StopAsync(TimeSpan drainTimeout)
    {
        _queue.Writer.TryComplete();
        await Task.WhenAny(_loop, Task.Delay(drainTimeout)).ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped with events still queued; the log said which were not delivered.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Peek, publish, and only then take it off the queue: an unacknowledged event stays first in line.
            if (!_queue.Reader.TryPeek(out var message))
            {
                continue;
            }

            try
            {
                _publisher ??= await ConnectAsync(cancellationToken).ConfigureAwait(false);
                await _publisher.PublishAsync(message.Topic, message.Payload, qos: 1, retain: false, cancellationToken).ConfigureAwait(false);
                _queue.Reader.TryRead(out _);
                Interlocked.Decrement(ref _pending);
                Interlocked.Increment(ref _delivered);
                EventSenderLog.Delivered(_logger, message.EventId, message.Topic, message.Payload.Length);
                delay = TimeSpan.FromSeconds(1);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (_publisher is null)
                {
                    EventSenderLog.ConnectFailed(_logger, e.Message, delay.TotalSeconds, Pending);
                }
                else
                {
                    EventSenderLog.PublishFailed(_logger, message.EventId, message.Topic, e.Message);
                    await _publisher.DisposeAsync().ConfigureAwait(false);
                    _publisher = null;
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    private async Task<IMessagePublisher> ConnectAsync(CancellationToken cancellationToken)
    {
        var publisher = await _connect(cancellationToken).ConfigureAwait(false);
        EventSenderLog.Connected(_logger, _broker);
        return publisher;
    }
}
