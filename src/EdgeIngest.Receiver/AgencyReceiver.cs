using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Receiving.Configuration;
using EdgeIngest.Receiving.Output;
using EdgeIngest.Receiving.Topics;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Receiving;

/// <summary>
/// The agency's receiver: one MQTT 5 connection with a persistent session (fixed client id, clean
/// start off, session expiry <see cref="SessionExpiry"/>, QoS 1) that subscribes to every device's
/// topics and hands each message to a <see cref="MessageProcessor"/> on a single task. A message is
/// acknowledged to the broker only after it is durably stored (or found to be a duplicate or
/// unacceptable), so a receiver killed at any instant loses nothing: the broker keeps every
/// unacknowledged message in the session and sends it again on the next connection, and the
/// store de-duplicates by event id. Before that PUBACK, each stored message is confirmed to its
/// device end to end on <c>{prefix}/{device}/acks</c> (<see cref="AckEvent"/>, several ids per
/// acknowledgement): only then may the device delete it, since a broker that crashes loses what it
/// had not saved, PUBACK or not. Order per message: stored (fsync'd) → confirmed → PUBACK. Reconnects use the devices' policy (<see cref="Publishing.ConnectBackoff"/>).
/// Refusals that retrying cannot fix end the run with <see cref="ReceiverStartException"/>.
/// </summary>
public sealed partial class AgencyReceiver
{
    /// <summary>How long the broker keeps the receiver's session and its queued messages while it is away.</summary>
    public static readonly TimeSpan SessionExpiry = TimeSpan.FromDays(1);

    /// <summary>
    /// At most this many messages handed over and not yet acknowledged (the Receive Maximum the
    /// receiver announces): the broker holds the rest, so a backlog never piles up in memory.
    /// </summary>
    public const int UnacknowledgedLimit = 64;

    /// <summary>Confirmations sent in one acknowledgement at most; fewer when the inbox runs empty first.</summary>
    public const int AckBatch = 64;

    private static readonly TimeSpan StoreRetryMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StoreRetryMax = TimeSpan.FromSeconds(30);

    private readonly ReceiverConfig _config;
    private readonly ILogger _logger;
    private readonly MessageProcessor _processor;
    private readonly TimeProvider _clock;
    private readonly Channel<MqttReceivedMessage> _inbox = Channel.CreateUnbounded<MqttReceivedMessage>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    // Stored messages waiting for their confirmation and PUBACK, in arrival order, and the
    // confirmations by device. Touched by the inbox task only.
    private readonly List<MqttReceivedMessage> _stored = new(AckBatch);
    private readonly Dictionary<string, List<string>> _pendingAcks = new(StringComparer.Ordinal);
    private int _pendingAckCount;
    private IMqttClient? _client;

    // Devices asked to resend on the current connection; null when the broker kept the session.
    // Replaced by the connection loop at each connect, read and filled by the inbox task.
    private HashSet<string>? _resendAskedOf;

    public AgencyReceiver(ReceiverConfig config, TextWriter console, ILoggerFactory loggers, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(loggers);
        _config = config;
        _logger = loggers.CreateLogger("EdgeIngest.Receiver");
        _clock = clock ?? TimeProvider.System;
        _processor = new MessageProcessor(config.TopicPrefix, new OutputLayout(config.OutputDirectory), console, Counters, _logger, _clock);
    }

    public ReceiverCounters Counters { get; } = new();

    /// <summary>True while subscribed to the broker (for tests and a future health endpoint).</summary>
    public bool IsSubscribed { get; private set; }

    /// <summary>Runs until cancelled; then stores and acknowledges what has already arrived, and disconnects.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_config.OutputDirectory);
        _processor.ResumeClips();
        var processing = new InboxLoop(this);
        await using (processing.ConfigureAwait(false))
        {
            processing.Start();
            try
            {
                await ConnectAndListenAsync(processing, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await processing.StopAsync().ConfigureAwait(false);
                ReceiverLog.Stopped(_logger, Counters.ToString());
            }
        }
    }

    private void Enqueue(MqttReceivedMessage message)
    {
        // After the stop began the message is neither stored nor acknowledged: the broker keeps it.
        _inbox.Writer.TryWrite(message);
    }

    private async Task ProcessInboxAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var message in _inbox.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                var ack = await StoreAsync(message, stopping).ConfigureAwait(false);
                await AskForResendAsync(message).ConfigureAwait(false);
                _stored.Add(message);
                if (ack is { } confirmation)
                {
                    if (!_pendingAcks.TryGetValue(confirmation.DeviceId, out var keys))
                    {
                        _pendingAcks[confirmation.DeviceId] = keys = [];
                    }

                    keys.Add(confirmation.Key);
                    _pendingAckCount++;
                }

                // Batch while more is already waiting; confirm as soon as the inbox is momentarily empty.
                if (_pendingAckCount >= AckBatch || _stored.Count >= UnacknowledgedLimit || !_inbox.Reader.TryPeek(out _))
                {
                    await ConfirmAndAcknowledgeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Stopping: what is stored gets its confirmation and PUBACK while the connection lasts.
            await ConfirmAndAcknowledgeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Publishes the pending confirmations (one QoS 1 acknowledgement per device, waiting for the
    /// broker's PUBACK), then sends the PUBACKs of the stored messages. A confirmation that cannot
    /// be published costs nothing but time: the device keeps those messages and sends them again
    /// after its confirmation timeout (or its reconnect), they are found stored, and confirmed then.
    /// The PUBACKs go out regardless, since the messages are stored, and a broker whose ACL refuses
    /// the confirmations must not stall the receiver at its Receive Maximum.
    /// </summary>
    private async Task ConfirmAndAcknowledgeAsync()
    {
        foreach (var (device, keys) in _pendingAcks)
        {
            await PublishAckAsync(device, keys).ConfigureAwait(false);
        }

        _pendingAcks.Clear();
        _pendingAckCount = 0;
        foreach (var message in _stored)
        {
            try
            {
                await message.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (MqttException e)
            {
                // Stored, but the connection is gone: the broker sends it again, and the store
                // recognises it by its event id.
                ReceiverLog.NotAcknowledged(_logger, message.Topic, e.Message);
            }
        }

        _stored.Clear();
    }

    /// <summary>
    /// On a connection without a session, the first status of each device (retained, so it comes
    /// right after subscribing, or when the device connects) gets an acknowledgement that asks it
    /// to send everything unconfirmed again at once, instead of after its confirmation timeout.
    /// </summary>
    private async Task AskForResendAsync(MqttReceivedMessage message)
    {
        if (Volatile.Read(ref _resendAskedOf) is not { } asked
            || !DeviceTopic.TryParse(_config.TopicPrefix, message.Topic, out var topic, out _)
            || topic.Kind != TopicKind.Status
            || !asked.Add(topic.DeviceId))
        {
            return;
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new AckEvent(AckEvent.SchemaV1, topic.DeviceId, _clock.GetUtcNow(), [], ResendUnconfirmed: true),
            EventJsonContext.Default.AckEvent);
        try
        {
            var client = Volatile.Read(ref _client) ?? throw new MqttException("not connected to the broker");
            await client.PublishAsync($"{_config.TopicPrefix}/{topic.DeviceId}/acks", payload, qos: 1, retain: false, CancellationToken.None).ConfigureAwait(false);
            ReceiverLog.AskedForResend(_logger, topic.DeviceId);
        }
        catch (MqttException e)
        {
            // The device still sends them again after its confirmation timeout.
            ReceiverLog.ConfirmFailed(_logger, 0, topic.DeviceId, e.Message);
        }
    }

    private async Task PublishAckAsync(string device, List<string> keys)
    {
        var topic = $"{_config.TopicPrefix}/{device}/acks";
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new AckEvent(AckEvent.SchemaV1, device, _clock.GetUtcNow(), keys),
            EventJsonContext.Default.AckEvent);
        try
        {
            var client = Volatile.Read(ref _client) ?? throw new MqttException("not connected to the broker");
            await client.PublishAsync(topic, payload, qos: 1, retain: false, CancellationToken.None).ConfigureAwait(false);
            ReceiverLog.Confirmed(_logger, keys.Count, device, topic);
        }
        catch (MqttException e)
        {
            ReceiverLog.ConfirmFailed(_logger, keys.Count, device, e.Message);
        }
    }

    /// <summary>
    /// Stores the message, trying again while the disk refuses (full, read-only, permissions):
    /// acknowledging a message that is not stored would lose it. Meanwhile the broker holds back
    /// everything beyond <see cref="UnacknowledgedLimit"/>.
    /// </summary>
    /// <returns>What to confirm to the device, if anything.</returns>
    private async Task<DeviceAck?> StoreAsync(MqttReceivedMessage message, CancellationToken stopping)
    {
        var backoff = new Publishing.ConnectBackoff(StoreRetryMin, StoreRetryMax);
        DeviceAck? ack;
        while (!_processor.Handle(message, out ack))
        {
            var delay = backoff.Next();
            ReceiverLog.StoreRetry(_logger, message.Topic, backoff.Failures, delay.TotalSeconds);
            await Task.Delay(delay, _clock, stopping).ConfigureAwait(false);
        }

        return ack;
    }
}
