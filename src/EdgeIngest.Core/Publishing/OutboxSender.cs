using System.Diagnostics;
using EdgeIngest.Hosting;
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
/// A message leaves the outbox in <see cref="OnDelivered"/> only.
/// </summary>
public sealed class OutboxSender : BackgroundLoop
{
    private static readonly TimeSpan RetryDelayMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelayMax = TimeSpan.FromSeconds(30);
    private readonly DurableOutbox _outbox;
    private readonly AgencyConnection _connection;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private Task? _arrival;
    private TimeSpan _retryDelay = RetryDelayMin;
    private long _delivered;
    private int _peakInFlight;

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

    /// <summary>Messages acknowledged by the broker since start.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>
    /// Stops once the outbox is empty or <paramref name="drainTimeout"/> has passed; what is left
    /// stays on disk. The drain is bounded in real time: it is part of a shutdown, whatever clock
    /// paces the retries.
    /// </summary>
    public async Task StopAsync(TimeSpan drainTimeout)
    {
        var draining = Stopwatch.StartNew();
        while (_connection.IsConnected && _outbox.GetStatistics().Total > 0 && draining.Elapsed < drainTimeout)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        await StopAsync().ConfigureAwait(false);
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await SendLoopAsync(stopping).ConfigureAwait(false);
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
                if (_outbox.PeekNext() is null)
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
                if (inFlight.Count == 0)
                {
                    var arrival = _arrival;
                    _arrival = null;
                    await arrival.ConfigureAwait(false);
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
                    OnDelivered(oldest);
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
                    OnDelivered(message);
                }
                catch (Exception) when (publish.IsFaulted || publish.IsCanceled)
                {
                    // Sent again from the outbox, on this connection's retry or the next one.
                }
            }
        }
    }

    /// <summary>
    /// The one place a message leaves the outbox: today on the broker's PUBACK (the next step moves
    /// this to the receiver's end-to-end acknowledgement, since a broker that crashes before
    /// persisting a message has acknowledged it all the same).
    /// </summary>
    private void OnDelivered(StoredMessage message)
    {
        _outbox.Acknowledge(message.Sequence);
        Interlocked.Increment(ref _delivered);
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
