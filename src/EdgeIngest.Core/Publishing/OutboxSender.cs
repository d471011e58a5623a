using EdgeIngest.Outbox;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

/// <summary>
/// Drains the outbox to the broker, one message at a time and in the outbox's order (events before
/// clip messages, each lane in creation order): a message is deleted only after its PUBACK, so the
/// next one never overtakes it. One in flight is plenty here: a PUBACK on a LAN takes about a
/// millisecond, and it keeps "first arrival in creation order" trivially true across reconnects.
/// </summary>
public sealed class OutboxSender : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelayMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelayMax = TimeSpan.FromSeconds(30);
    private readonly DurableOutbox _outbox;
    private readonly AgencyConnection _connection;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _delivered;
    private int _stopped;

    public OutboxSender(DurableOutbox outbox, AgencyConnection connection, ILogger logger)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _logger = logger;
    }

    /// <summary>Messages acknowledged by the broker since start.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    public void Start() => _loop = Task.Run(() => SendLoopAsync(_stop.Token));

    /// <summary>Stops once the outbox is empty or <paramref name="drainTimeout"/> has passed; what is left stays on disk.</summary>
    public async Task StopAsync(TimeSpan drainTimeout)
    {
        var deadline = DateTime.UtcNow + drainTimeout;
        while (_connection.IsConnected && _outbox.GetStatistics().Total > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await _loop.ConfigureAwait(false);
        var waiting = _outbox.GetStatistics().Total;
        if (waiting > 0)
        {
            OutboxSenderLog.StoppedWithBacklog(_logger, waiting);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _stopped) == 0)
        {
            await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task SendLoopAsync(CancellationToken stop)
    {
        var retryDelay = RetryDelayMin;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (_outbox.PeekNext() is not { } message)
                {
                    await _outbox.WaitForArrivalAsync(stop).ConfigureAwait(false);
                    continue;
                }

                await _connection.WaitUntilConnectedAsync(stop).ConfigureAwait(false);
                try
                {
                    await _connection.PublishAsync(message.Topic, message.Payload, qos: 1, retain: false, stop).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    OutboxSenderLog.PublishFailed(_logger, message.EventId, message.Topic, e.Message);
                    if (!_connection.IsConnected)
                    {
                        continue; // WaitUntilConnectedAsync waits out the outage
                    }

                    // Still connected: the broker refused this message (e.g. an ACL); do not ask again in a tight loop.
                    await Task.Delay(retryDelay, stop).ConfigureAwait(false);
                    retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, RetryDelayMax.Ticks));
                    continue;
                }

                _outbox.Acknowledge(message.Sequence);
                Interlocked.Increment(ref _delivered);
                retryDelay = RetryDelayMin;
                if (message.Lane == OutboxLane.Events)
                {
                    OutboxSenderLog.Delivered(_logger, message.EventId, message.Topic, message.Payload.Length);
                }
                else
                {
                    OutboxSenderLog.ClipMessageDelivered(_logger, message.EventId, message.Topic, message.Payload.Length);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping; whatever was not acknowledged is still in the outbox.
        }
    }
}
