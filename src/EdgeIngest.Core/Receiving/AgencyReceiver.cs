using System.Text.RegularExpressions;
using System.Threading.Channels;
using EdgeIngest.Interop.Mosquitto;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Receiving.Configuration;
using EdgeIngest.Receiving.Output;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Receiving;

/// <summary>
/// The agency's receiver: one MQTT connection (fixed client id, clean session off, QoS 1) that
/// subscribes to every device's topics and hands each message to a <see cref="MessageProcessor"/>
/// on a single task. The network thread only queues; a slow disk never stalls the connection.
/// A first connect that fails is retried with backoff (the broker may not be up yet); after that
/// the client reconnects by itself. Refusals that retrying cannot fix end the run with
/// <see cref="ReceiverStartException"/>.
/// </summary>
public sealed partial class AgencyReceiver
{
    private static readonly TimeSpan RetryDelayMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelayMax = TimeSpan.FromSeconds(30);

    private readonly ReceiverConfig _config;
    private readonly ILogger _logger;
    private readonly MessageProcessor _processor;
    private readonly Channel<MqttReceivedMessage> _inbox = Channel.CreateUnbounded<MqttReceivedMessage>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public AgencyReceiver(ReceiverConfig config, TextWriter console, ILoggerFactory loggers, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(loggers);
        _config = config;
        _logger = loggers.CreateLogger("EdgeIngest.Receiver");
        _processor = new MessageProcessor(config.TopicPrefix, new OutputLayout(config.OutputDirectory), console, Counters, _logger, clock ?? TimeProvider.System);
    }

    public ReceiverCounters Counters { get; } = new();

    /// <summary>True while subscribed to the broker (for tests and a future health endpoint).</summary>
    public bool IsSubscribed { get; private set; }

    /// <summary>Runs until cancelled; then finishes storing what has already arrived.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_config.OutputDirectory);
        _processor.ResumeClips();
        var processing = Task.Run(ProcessInboxAsync, CancellationToken.None);
        try
        {
            await ConnectAndListenAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inbox.Writer.TryComplete();
            await processing.ConfigureAwait(false);
            ReceiverLog.Stopped(_logger, Counters.ToString());
        }
    }

    private async Task ProcessInboxAsync()
    {
        await foreach (var message in _inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _processor.Handle(message);
        }
    }

    private async Task ConnectAndListenAsync(CancellationToken cancellationToken)
    {
        var delay = RetryDelayMin;
        var filters = ReceiverSubscriptions.For(_config.TopicPrefix);
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = CreateClient();
            await using (client.ConfigureAwait(false))
            {
                try
                {
                    var connected = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    client.Connected += (_, e) => OnConnected(client, e, connected);
                    client.Disconnected += (_, e) => OnDisconnected(e);
                    await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var filter in filters)
                    {
                        await client.SubscribeAsync(filter, 1, cancellationToken).ConfigureAwait(false);
                    }

                    IsSubscribed = true;
                    ReceiverLog.Connected(_logger, client.Broker, _config.Broker.ClientId, await connected.Task.ConfigureAwait(false), string.Join(", ", filters));

                    // From here on the client reconnects by itself (and renews the subscriptions
                    // when the broker lost the session).
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (MqttConnectException e) when (IsPermanent(e))
                {
                    throw new ReceiverStartException($"the agency broker refused the receiver, and retrying will not help: {e.Message}", e);
                }
                catch (MqttException e)
                {
                    ReceiverLog.ConnectFailed(_logger, e.Message, delay.TotalSeconds);
                }
                finally
                {
                    IsSubscribed = false;
                }
            }

            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, RetryDelayMax.Ticks));
        }
    }

    private MosquittoClient CreateClient()
    {
        var broker = _config.Broker;
        var settings = new MqttConnectionSettings
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = broker.ClientId,

            // Off, with a fixed client id, over MQTT 3.1.1: the broker keeps the subscriptions and
            // queues QoS 1 messages while the receiver is away. (Under MQTT 5 that needs a Session
            // Expiry property on every CONNECT, which libmosquitto 2.0 sends on none but the first
            // blocking connect; a pure subscriber loses nothing by speaking 3.1.1.)
            CleanSession = false,
            ProtocolVersion = MqttProtocolVersion.V311,
            Username = broker.Username,
            Password = broker.Password,
            UseTls = broker.Tls is not null,
            CaFile = broker.Tls?.CaFile,
            CertificateFile = broker.Tls?.CertFile,
            KeyFile = broker.Tls?.KeyFile,
            KeepAlive = TimeSpan.FromSeconds(broker.KeepAliveSeconds),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ReconnectDelayMin = RetryDelayMin,
            ReconnectDelayMax = RetryDelayMax,
        };
        try
        {
            var client = new MosquittoClient(settings);
            client.MessageReceived += (_, message) => _inbox.Writer.TryWrite(message);
            return client;
        }
        catch (MqttException e)
        {
            throw new ReceiverStartException($"cannot set up the connection to the agency broker: {e.Message}", e);
        }
    }

    private void OnConnected(IMqttClient client, MqttConnectedEventArgs e, TaskCompletionSource<bool> first)
    {
        if (!first.TrySetResult(e.SessionPresent))
        {
            ReceiverLog.Reconnected(_logger, client.Broker, e.SessionPresent);
        }
    }

    private void OnDisconnected(MqttDisconnectedEventArgs e)
    {
        if (!e.WasRequested)
        {
            ReceiverLog.Disconnected(_logger, e.Reason);
        }
    }

    /// <summary>
    /// Refused credentials, or a TLS failure once the broker answered: a broker that is merely away
    /// refuses the TCP connection or does not answer at all, and those are retried.
    /// </summary>
    private static bool IsPermanent(MqttConnectException e) =>
        e.ReasonCode is 0x85 or 0x86 or 0x87 or 0x8A or 0x8C
        || (e.ReasonCode is null && TlsFailurePattern().IsMatch(e.Message));

    [GeneratedRegex("(?i)tls|ssl|certificate")]
    private static partial Regex TlsFailurePattern();
}
