using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Events;
using EdgeIngest.Hosting;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Outbox;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

/// <summary>
/// Drains the outbox to the broker in the outbox's order (events before clip messages, each lane in
/// creation order), keeping up to <see cref="MaxInFlight"/> QoS 1 publishes in flight, never more
/// than the broker's Receive Maximum allows: one at a time, a backlog crosses a 100 ms link at ten
/// messages a second. Publishes go out in order on one connection, so first arrivals keep creation
/// order per lane; after a drop, sending starts again from the oldest message not acknowledged
/// (the receiver de-duplicates what arrives twice). An event waits at most behind the clip
/// messages already in flight (at most <see cref="MaxClipMessagesInFlight"/>).
/// A PUBACK only marks a message sent (<see cref="OnPublished"/>); it leaves the outbox when the
/// receiver's end-to-end acknowledgement on <see cref="TopicLayout.Acks"/> names it
/// (<see cref="DeliveryConfirmation.Receiver"/>, handled off the network thread). An unconfirmed
/// message is sent again when its confirmation is overdue (<see cref="OutboxOptions.ConfirmTimeout"/>,
/// backing off per message) and at once after every reconnect.
/// </summary>
public sealed class OutboxSender : BackgroundLoop
{
    private static readonly TimeSpan RetryDelayMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelayMax = TimeSpan.FromSeconds(30);
    private readonly DurableOutbox _outbox;
    private readonly AgencyConnection _connection;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<AckEvent> _confirmations = Channel.CreateUnbounded<AckEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private Task? _arrival;
    private TimeSpan _retryDelay = RetryDelayMin;
    private long _delivered;
    private long _published;
    private int _peakInFlight;

    // Set by the confirmation loop when the receiver asks for a resend; the send loop walks the lanes from the start.
    private int _rewind;
    private int _lastConnection;

    /// <param name="time">Paces the retries after the broker refused a message (a fake one in tests).</param>
    public OutboxSender(DurableOutbox outbox, AgencyConnection connection, ILogger logger, TimeProvider? time = null)
        : base("outbox sender", logger)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Publishes kept in flight when the broker allows that many (the default is well under mosquitto's 20).</summary>
    public const int DefaultMaxInFlight = 16;

    /// <summary>Clip chunks in flight at most, so that an event never waits behind more than about 1 MB of video.</summary>
    public const int MaxClipMessagesInFlight = 4;

    /// <summary>
    /// Left free of the broker's Receive Maximum for what else publishes on the connection (status,
    /// heartbeat): a client that goes over it is disconnected by the broker.
    /// </summary>
    private const int ReservedForOtherPublishes = 2;

    /// <summary>At most this many publishes waiting for their PUBACK at once; 1 sends one message at a time.</summary>
    public int MaxInFlight { get; init; } = DefaultMaxInFlight;

    /// <summary>The most publishes that were waiting for their PUBACK at once since start (for tests and measurements).</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>What ends a delivery; the receiver's end-to-end acknowledgement unless told otherwise.</summary>
    public DeliveryConfirmation Confirmation { get; init; } = DeliveryConfirmation.Receiver;

    /// <summary>Messages delivered since start: confirmed by the receiver (or, under <see cref="DeliveryConfirmation.Broker"/>, acknowledged by the broker).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Publishes the broker acknowledged since start, re-sends included.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>
    /// Stops once the outbox is empty or <paramref name="drainTimeout"/> has passed; what is left
    /// stays on disk. The drain is bounded in real time: it is part of a shutdown, whatever clock
    /// paces the retries.
    /// </summary>
    public async Task StopAsync(TimeSpan drainTimeout)
    {
        // Waits for what was never handed to the broker; what waits for the receiver's confirmation
        // is kept and sent again after the next start (the receiver may be away for hours).
        var draining = Stopwatch.StartNew();
        while (_connection.IsConnected && _outbox.CountNeverSent() > 0 && draining.Elapsed < drainTimeout)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        await StopAsync().ConfigureAwait(false);
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            if (Confirmation == DeliveryConfirmation.Receiver)
            {
                _connection.SubscribeOnConnect(_outbox.Topics.Acks, 1, OnAcknowledgement);
                await Task.WhenAll(SendLoopAsync(stopping), ConfirmLoopAsync(stopping)).ConfigureAwait(false);
            }
            else
            {
                await SendLoopAsync(stopping).ConfigureAwait(false);
            }
        }
        finally
        {
            var waiting = _outbox.GetStatistics().Total;
            if (waiting > 0)
            {
                OutboxSenderLog.StoppedWithBacklog(_logger, waiting);
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (_outbox.GetStatistics().Total == 0)
                {
                    await NextArrivalAsync().ConfigureAwait(false);
                    continue;
                }

                await _connection.WaitUntilConnectedAsync(stop).ConfigureAwait(false);
                if (await SendWhileConnectedAsync(stop).ConfigureAwait(false))
                {
                    // Still connected: the broker refused a message (e.g. an ACL); do not ask again in a tight loop.
                    await Task.Delay(_retryDelay, _time, stop).ConfigureAwait(false);
                    _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, RetryDelayMax.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping; whatever was not acknowledged is still in the outbox.
        }

        Task NextArrivalAsync()
        {
            _arrival ??= _outbox.WaitForArrivalAsync(stop);
            return ConsumeArrivalAsync();
        }

        async Task ConsumeArrivalAsync()
        {
            var arrival = _arrival!;
            _arrival = null;
            await arrival.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends from the oldest unacknowledged message on, keeping the window full, until a publish
    /// fails. Returns true when it failed while the link stayed up (the broker refused it), false
    /// when the link went down.
    /// </summary>
    private async Task<bool> SendWhileConnectedAsync(CancellationToken stop)
    {
        var connection = _connection.Connections;
        if (connection != _lastConnection)
        {
            // A new connection (or the first since start): a broker that crashed lost what it had
            // not saved, so everything unconfirmed goes out again now rather than at its timeout.
            _lastConnection = connection;
            if (Confirmation == DeliveryConfirmation.Receiver && _outbox.ResendUnconfirmed() is > 0 and var again)
            {
                OutboxSenderLog.ResendingAfterReconnect(_logger, again);
            }
        }

        var window = Math.Clamp(_connection.BrokerReceiveMaximum - ReservedForOtherPublishes, 1, Math.Max(1, MaxInFlight));
        var inFlight = new Queue<(StoredMessage Message, Task Publish)>(window);
        long lastEvent = 0, lastClip = 0;
        var clipsInFlight = 0;
        try
        {
            while (true)
            {
                var clipLaneOpen = clipsInFlight < MaxClipMessagesInFlight;
                if (inFlight.Count < window && _outbox.PeekNextAfter(lastEvent, clipLaneOpen ? lastClip : long.MaxValue) is { } next)
                {
                    inFlight.Enqueue((next, _connection.PublishAsync(next.Topic, next.Payload, qos: 1, retain: false, stop)));
                    if (inFlight.Count > _peakInFlight)
                    {
                        Volatile.Write(ref _peakInFlight, inFlight.Count);
                    }

                    if (next.Lane == OutboxLane.Events)
                    {
                        lastEvent = next.Sequence;
                    }
                    else
                    {
                        lastClip = next.Sequence;
                        clipsInFlight++;
                    }

                    continue;
                }

                _arrival ??= _outbox.WaitForArrivalAsync(stop);
                if (inFlight.Count == 0 && Interlocked.Exchange(ref _rewind, 0) == 1)
                {
                    // The receiver asked for everything unconfirmed: it lies behind the cursors.
                    lastEvent = 0;
                    lastClip = 0;
                    continue;
                }

                if (inFlight.Count == 0)
                {
                    // Nothing in flight and nothing due: wait for a new message, an overdue
                    // confirmation or the link going down. Then walk the lanes from the start
                    // again (safe with nothing in flight): an overdue message lies behind the cursors.
                    if (!await WaitForWorkAsync(stop).ConfigureAwait(false))
                    {
                        return false;
                    }

                    lastEvent = 0;
                    lastClip = 0;
                    continue;
                }

                // Wait for the oldest PUBACK (they come in order), or for a new message that can
                // still go into the window (an event overtakes clip chunks not yet sent).
                var (oldest, publish) = inFlight.Peek();
                var woke = inFlight.Count < window
                    ? await Task.WhenAny(publish, _arrival).ConfigureAwait(false)
                    : await Task.WhenAny(publish).ConfigureAwait(false);
                if (woke != publish)
                {
                    _arrival = null;
                    await woke.ConfigureAwait(false);
                    continue;
                }

                inFlight.Dequeue();
                if (oldest.Lane == OutboxLane.Clips)
                {
                    clipsInFlight--;
                }

                if (publish.IsCompletedSuccessfully)
                {
                    OnPublished(oldest);
                    continue;
                }

                stop.ThrowIfCancellationRequested();
                OutboxSenderLog.PublishFailed(_logger, oldest.EventId, oldest.Topic, publish.Exception!.GetBaseException().Message);
                return _connection.IsConnected;
            }
        }
        finally
        {
            // Whatever else is in flight: keep each one the broker did acknowledge, so that it is not sent twice.
            foreach (var (message, publish) in inFlight)
            {
                try
                {
                    await publish.ConfigureAwait(false);
                    OnPublished(message);
                }
                catch (Exception) when (publish.IsFaulted || publish.IsCanceled)
                {
                    // Sent again from the outbox, on this connection's retry or the next one.
                }
            }
        }
    }

    /// <summary>
    /// Waits, with nothing in flight, until there may be something to send: a new message, the
    /// earliest unconfirmed one falling due, or the link going down (then false).
    /// </summary>
    private async Task<bool> WaitForWorkAsync(CancellationToken stop)
    {
        var arrival = _arrival!;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var waits = new List<Task>(3) { arrival, _connection.WaitUntilDisconnectedAsync(timer.Token) };
        if (Confirmation == DeliveryConfirmation.Receiver && _outbox.NextResendAt() is { } due)
        {
            var wait = due - _time.GetUtcNow();
            waits.Add(Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time, timer.Token));
        }

        var woke = await Task.WhenAny(waits).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        if (woke == arrival)
        {
            _arrival = null;
            await arrival.ConfigureAwait(false);
        }

        stop.ThrowIfCancellationRequested();
        return _connection.IsConnected;
    }

    /// <summary>On the network thread: only parses the acknowledgement and hands its keys over.</summary>
    private void OnAcknowledgement(MqttReceivedMessage message)
    {
        try
        {
            var ack = JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.AckEvent);
            if (ack is null || ack.Schema != AckEvent.SchemaV1 || ack.DeviceId != _outbox.Topics.DeviceId || ack.Messages is null)
            {
                OutboxSenderLog.BadAcknowledgement(_logger, message.Topic, $"schema '{ack?.Schema}', device '{ack?.DeviceId}'");
                return;
            }

            _confirmations.Writer.TryWrite(ack);
        }
        catch (JsonException e)
        {
            OutboxSenderLog.BadAcknowledgement(_logger, message.Topic, e.Message);
        }
    }

    /// <summary>Deletes what the receiver confirmed, one transaction per acknowledgement.</summary>
    private async Task ConfirmLoopAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var ack in _confirmations.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                if (ack.Messages.Count > 0)
                {
                    var confirmed = _outbox.Confirm(ack.Messages);
                    Interlocked.Add(ref _delivered, confirmed);
                    OutboxSenderLog.Confirmed(_logger, confirmed, ack.Messages.Count);
                }

                if (ack.ResendUnconfirmed)
                {
                    // The receiver came back without its broker session: what was sent while it
                    // was away died with the broker. Send it again now, not at its timeout.
                    var again = _outbox.ResendUnconfirmed();
                    Volatile.Write(ref _rewind, 1);
                    OutboxSenderLog.ResendingForReceiver(_logger, again);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: an acknowledgement not applied means the message is sent once more later.
        }
    }

    /// <summary>
    /// The broker acknowledged a publish. Under <see cref="DeliveryConfirmation.Receiver"/> the
    /// message only becomes "sent, unconfirmed" and stays in the outbox; under
    /// <see cref="DeliveryConfirmation.Broker"/> this is where it leaves.
    /// </summary>
    private void OnPublished(StoredMessage message)
    {
        if (Confirmation == DeliveryConfirmation.Broker)
        {
            _outbox.Acknowledge(message.Sequence);
            Interlocked.Increment(ref _delivered);
        }
        else
        {
            _outbox.MarkSent(message.Sequence);
        }

        Interlocked.Increment(ref _published);
        _retryDelay = RetryDelayMin;
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
