using System.Buffers;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// <see cref="IMqttClient"/> over MQTTnet 5, MQTT 5 only. One instance is one connection: MQTTnet
/// does not reconnect by itself, and neither does this class (the caller's backoff does, with a new
/// instance). Received messages are raised one at a time from MQTTnet's single receive task;
/// with manual acknowledgement, MQTTnet sends their PUBACKs only when asked.
/// </summary>
public sealed partial class MqttNetClient : IMqttClient
{
    private static readonly TimeSpan DisconnectTimeout = TimeSpan.FromSeconds(2);

    [ThreadStatic]
    private static bool t_inMessageHandler;

    private readonly MqttConnectionSettings _settings;
    private readonly MQTTnet.IMqttClient _client;
    private int _connectCalled;
    private int _disposed;
    private volatile bool _disconnectRequested;
    private volatile string _lastDisconnectReason = "never connected";

    public MqttNetClient(MqttConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Port);
        if ((settings.CertificateFile is null) != (settings.KeyFile is null))
        {
            throw new ArgumentException("A client certificate needs its key file, and a key file needs its certificate.", nameof(settings));
        }

        _settings = settings;
        _client = new MqttClientFactory().CreateMqttClient();

        // Before connecting: a persistent session can deliver queued messages right after CONNACK.
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public event EventHandler<MqttConnectedEventArgs>? Connected;

    public event EventHandler<MqttDisconnectedEventArgs>? Disconnected;

    public event EventHandler<MqttReceivedMessage>? MessageReceived;

    public string Broker => _settings.Broker;

    public bool IsConnected => !IsDisposed && _client.IsConnected;

    public int BrokerReceiveMaximum { get; private set; } = ushort.MaxValue;

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (Interlocked.Exchange(ref _connectCalled, 1) != 0)
        {
            throw new InvalidOperationException("ConnectAsync may be called once per client; make a new client to try again.");
        }

        using var tls = _settings.UseTls ? new MqttTlsSetup(_settings) : null;
        var options = BuildOptions(tls);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_settings.ConnectTimeout);
        MqttClientConnectResult result;
        try
        {
            result = await _client.ConnectAsync(options, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not MqttConnectException)
        {
            throw DescribeConnectFailure(e, timedOut: limit.IsCancellationRequested, tls);
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw Refusal(result);
        }

        BrokerReceiveMaximum = result.ReceiveMaximum is > 0 and var maximum ? maximum : ushort.MaxValue;
        _lastDisconnectReason = "connected";
        Connected?.Invoke(this, new MqttConnectedEventArgs(result.IsSessionPresent, BrokerReceiveMaximum));
    }

    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentOutOfRangeException.ThrowIfNegative(qos);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qos, 2);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_client.IsConnected)
        {
            throw NotConnected($"publish to '{topic}'");
        }

        var message = new MqttApplicationMessage
        {
            Topic = topic,
            Payload = new ReadOnlySequence<byte>(payload),
            QualityOfServiceLevel = (MqttQualityOfServiceLevel)qos,
            Retain = retain,
        };

        MqttClientPublishResult result;
        try
        {
            result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttClientNotConnectedException)
        {
            throw NotConnected($"publish to '{topic}'");
        }
        catch (Exception e) when (e is MqttCommunicationException or ObjectDisposedException)
        {
            throw new MqttException(
                $"The connection to MQTT broker {Broker} ended before the message on '{topic}' was acknowledged ({LastReason(e)}); it may or may not have been delivered.", e);
        }

        // Reason codes below 0x80 are successes, e.g. 0x10 "no matching subscribers".
        if ((int)result.ReasonCode >= 0x80)
        {
            throw new MqttException($"MQTT broker {Broker} rejected the message on '{topic}': {MqttReasonText.Of(result.ReasonCode)}{Detail(result.ReasonString)}.");
        }
    }

    public async Task SubscribeAsync(string topicFilter, int qos, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicFilter);
        ArgumentOutOfRangeException.ThrowIfNegative(qos);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qos, 2);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (!_client.IsConnected)
        {
            throw NotConnected($"subscribe to '{topicFilter}'");
        }

        var options = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topicFilter, (MqttQualityOfServiceLevel)qos)
            .Build();
        MqttClientSubscribeResult result;
        try
        {
            result = await _client.SubscribeAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttCommunicationException or ObjectDisposedException)
        {
            throw new MqttException($"The connection to MQTT broker {Broker} ended before the subscription to '{topicFilter}' was acknowledged ({LastReason(e)}).", e);
        }

        foreach (var item in result.Items)
        {
            if ((int)item.ResultCode >= 0x80)
            {
                throw new MqttException($"MQTT broker {Broker} refused the subscription to '{topicFilter}': {MqttReasonText.Of(item.ResultCode)}{Detail(result.ReasonString)}.");
            }
        }
    }

    public Task DisconnectAsync(CancellationToken cancellationToken) =>
        IsDisposed ? Task.CompletedTask : DisconnectCoreAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
        Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (t_inMessageHandler)
        {
            // MQTTnet's disconnect waits for the task that is running this very handler: let it
            // finish on its own once the handler has returned.
            _ = Task.Run(DisconnectAndReleaseAsync);
            return;
        }

        DisconnectAndReleaseAsync().Wait(DisconnectTimeout + DisconnectTimeout);
    }

    private async Task DisconnectCoreAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return;
        }

        _disconnectRequested = true;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(DisconnectTimeout);
        try
        {
            // A session expiry of 0 here is left out of the packet: the session keeps the expiry
            // its CONNECT asked for (a receiver's queued messages survive an orderly stop).
            await _client.DisconnectAsync(new MqttClientDisconnectOptions { Reason = MqttClientDisconnectOptionsReason.NormalDisconnection }, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
            // A dead link cannot carry the DISCONNECT; the connection is closed anyway (the broker will send the will).
        }
    }

    private async Task DisconnectAndReleaseAsync()
    {
        try
        {
            await DisconnectCoreAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _client.Dispose();
        }
    }
}
