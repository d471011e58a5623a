using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Publishing;

namespace EdgeIngest.Receiving;

/// <summary>The receiver's connection: made, subscribed, watched, and made again with the shared backoff.</summary>
public sealed partial class AgencyReceiver
{
    // Capped low so that the receiver is back within 5 s of a broker restart: an attempt against a
    // stopped broker is refused at once and costs next to nothing.
    private static readonly TimeSpan ReconnectDelayMin = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan ReconnectDelayMax = TimeSpan.FromSeconds(2);

    /// <summary>TLS failures in a row, before the first connection, after which the receiver gives up (about 2 s).</summary>
    private const int HopelessTlsFailures = 3;

    private async Task ConnectAndListenAsync(InboxLoop processing, CancellationToken cancellationToken)
    {
        var backoff = new ConnectBackoff(ReconnectDelayMin, ReconnectDelayMax);
        var filters = ReceiverSubscriptions.For(_config.TopicPrefix);
        var everConnected = false;
        var tlsFailures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = CreateClient();
            await using (client.ConfigureAwait(false))
            {
                var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                var sessionPresent = false;
                client.Connected += (_, e) => sessionPresent = e.SessionPresent;
                client.Disconnected += (_, e) => lost.TrySetResult(e.Reason);
                client.MessageReceived += (_, message) => Enqueue(message);
                try
                {
                    await client.ConnectAsync(cancellationToken).ConfigureAwait(false);

                    // Without its session (a broker killed before it saved it, or a first start)
                    // the receiver missed what devices sent while it was away: ask each device
                    // whose status arrives on this connection to send its unconfirmed messages again.
                    Volatile.Write(ref _resendAskedOf, sessionPresent ? null : new HashSet<string>(StringComparer.Ordinal));

                    // Set before subscribing: retained statuses arrive at once and may need an answer.
                    Volatile.Write(ref _client, client);
                    foreach (var filter in filters)
                    {
                        await client.SubscribeAsync(filter, 1, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref _client, null, client);
                    return;
                }
                catch (MqttConnectException e) when (IsHopeless(e, everConnected, ref tlsFailures))
                {
                    Interlocked.CompareExchange(ref _client, null, client);
                    throw new ReceiverStartException($"the agency broker refused the receiver, and retrying will not help: {e.Message}", e);
                }
                catch (MqttException e)
                {
                    Interlocked.CompareExchange(ref _client, null, client);
                    var delay = backoff.Next();
                    ReceiverLog.ConnectFailed(_logger, e.Message, delay.TotalSeconds);
                    if (!await DelayAsync(delay, cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }

                    continue;
                }

                backoff.Reset();
                tlsFailures = 0;
                IsSubscribed = true;
                if (everConnected)
                {
                    ReceiverLog.Reconnected(_logger, client.Broker, sessionPresent);
                }
                else
                {
                    ReceiverLog.Connected(_logger, client.Broker, _config.Broker.ClientId, sessionPresent, string.Join(", ", filters));
                }

                everConnected = true;
                try
                {
                    var reason = await lost.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                    ReceiverLog.Disconnected(_logger, reason);
                }
                catch (OperationCanceledException)
                {
                    // Store and acknowledge what has arrived while the connection can still carry the PUBACKs.
                    await processing.StopAsync().ConfigureAwait(false);
                    return;
                }
                finally
                {
                    IsSubscribed = false;
                    Interlocked.CompareExchange(ref _client, null, client);
                }
            }
        }
    }

    /// <summary>
    /// Whether a refusal means the configuration is wrong, so that the receiver should stop and
    /// say so rather than retry. Only before the first connection: once the broker has accepted
    /// this configuration, a later refusal is a broker restarting (mosquitto cuts TLS handshakes
    /// while it starts, which looks like a refused client certificate), and the receiver retries.
    /// A TLS failure counts only when it repeats, for the same reason.
    /// </summary>
    private static bool IsHopeless(MqttConnectException e, bool everConnected, ref int tlsFailures)
    {
        if (everConnected)
        {
            return false;
        }

        return e.Failure switch
        {
            MqttConnectFailure.NotAuthorized or MqttConnectFailure.Configuration => true,
            MqttConnectFailure.Tls => ++tlsFailures >= HopelessTlsFailures,
            _ => false,
        };
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private MqttNetClient CreateClient()
    {
        var broker = _config.Broker;
        var settings = broker.ConnectionSettings(broker.ClientId) with
        {
            // A persistent session keyed by the fixed client id: the broker keeps the
            // subscriptions and queues QoS 1 messages while the receiver is away, and sends again
            // whatever it delivered but did not get a PUBACK for.
            CleanSession = false,
            SessionExpiry = SessionExpiry,
            ReceiveMaximum = UnacknowledgedLimit,
            ManualAcknowledgement = true,
            KeepAlive = TimeSpan.FromSeconds(broker.KeepAliveSeconds),
        };
        try
        {
            return new MqttNetClient(settings);
        }
        catch (ArgumentException e)
        {
            throw new ReceiverStartException($"cannot set up the connection to the agency broker: {e.Message}", e);
        }
    }
}
