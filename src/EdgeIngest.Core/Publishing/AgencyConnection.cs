using System.Reflection;
using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Hosting;
using EdgeIngest.Interop.Mqtt;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

/// <summary>
/// The device's one MQTT 5 connection to the agency broker, kept up for the life of the service.
/// Connects with exponential backoff and jitter (<see cref="ConnectBackoff"/>, the one reconnect
/// policy; the receiver uses it too), including when the very first attempt fails; each attempt
/// uses a fresh client, since an MQTTnet client does not reconnect by itself. The last
/// will is the retained <c>offline</c> status; every (re)connect publishes the retained
/// <c>online</c> status and the announcements registered with <see cref="PublishOnConnect"/>, and renews the subscriptions registered with <see cref="SubscribeOnConnect"/>.
/// A failure is logged at Warning once per distinct cause, not on every retry.
/// </summary>
public sealed class AgencyConnection : BackgroundLoop
{
    private static readonly TimeSpan SignOffTimeout = TimeSpan.FromSeconds(2);
    private readonly MqttOptions _options;
    private readonly TopicLayout _topics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<TopicSubscription> _subscriptions = [];
    private readonly List<(string Topic, byte[] Payload)> _announcements = [];
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _disconnected = CompletedSource();
    private IMqttClient? _client;
    private string _downReason = "not connected yet";

    /// <param name="time">Paces the reconnect delays and stamps the status messages (a fake one in tests).</param>
    public AgencyConnection(MqttOptions options, TopicLayout topics, ILogger logger, TimeProvider? time = null)
        : base("agency connection", logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _topics = topics ?? throw new ArgumentNullException(nameof(topics));
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The version in status messages: this build's assembly version, major.minor.patch.</summary>
    public static string DeviceVersion { get; } = typeof(AgencyConnection).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// The longest wait between attempts. Short on purpose: an attempt against a stopped broker
    /// fails at once (refused) and costs next to nothing, and the device must be back within
    /// about 2 s of the broker's return.
    /// </summary>
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The broker as "host:port", never with credentials.</summary>
    public string Broker => $"{_options.Host}:{_options.EffectivePort}";

    public bool IsConnected => Volatile.Read(ref _client) is { IsConnected: true };

    /// <summary>How many QoS 1 publishes the broker takes in flight on the current connection (its CONNACK's Receive Maximum); 1 while down.</summary>
    public int BrokerReceiveMaximum => Volatile.Read(ref _client) is { IsConnected: true } client ? client.BrokerReceiveMaximum : 1;

    /// <summary>Completed connections so far (the first one and every reconnect).</summary>
    public int Connections { get; private set; }

    /// <summary>
    /// Subscribes to <paramref name="topicFilter"/> now if connected, and again on every reconnect.
    /// The hook for agency → device traffic (e.g. <see cref="TopicLayout.Commands"/>); the handler
    /// runs on the network thread, so it should hand the message off rather than process it there.
    /// </summary>
    public void SubscribeOnConnect(string topicFilter, int qos, Action<MqttReceivedMessage> handler)
    {
        var subscription = new TopicSubscription(topicFilter, qos, handler);
        IMqttClient? client;
        lock (_gate)
        {
            _subscriptions.Add(subscription);
            client = _client;
        }

        if (client is { IsConnected: true })
        {
            _ = client.SubscribeAsync(topicFilter, qos, CancellationToken.None).ContinueWith(
                t => AgencyConnectionLog.SetUpFailed(_logger, Broker, t.Exception!.GetBaseException().Message),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Publishes <paramref name="payload"/> retained at QoS 1 on <paramref name="topic"/> on every
    /// (re)connect, right after the online status (e.g. the property's registration,
    /// <see cref="TopicLayout.Registration"/>): retained, so publishing it again is harmless and
    /// the broker always holds the latest. Register before <see cref="BackgroundLoop.Start"/>.
    /// </summary>
    public void PublishOnConnect(string topic, byte[] payload)
    {
        lock (_gate)
        {
            _announcements.Add((topic, payload));
        }
    }

    /// <summary>Completes when the link is up (online status published, subscriptions made).</summary>
    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _connected.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes when the link is down (at once if it is down now).</summary>
    public Task WaitUntilDisconnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _disconnected.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Publishes on the current connection; fails at once with the reason when the link is down.</summary>
    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken)
    {
        IMqttClient? client;
        string reason;
        lock (_gate)
        {
            client = _client;
            reason = _downReason;
        }

        return client is null
            ? Task.FromException(new MqttException($"Not connected to the agency broker {Broker}: {reason}."))
            : client.PublishAsync(topic, payload, qos, retain, cancellationToken);
    }

    // A stop (StopAsync) publishes the retained offline status, disconnects cleanly (so the will
    // is not sent) and ends the reconnecting.
    protected override Task RunAsync(CancellationToken stopping) => ConnectAndStayConnectedAsync(stopping);

    private async Task ConnectAndStayConnectedAsync(CancellationToken stop)
    {
        var backoff = new ConnectBackoff(ReconnectDelayMin, ReconnectDelayMax);
        string? lastFailure = null;
        DateTimeOffset? downSince = null;
        while (!stop.IsCancellationRequested)
        {
            var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            IMqttClient? client = null;
            try
            {
                client = new MqttNetClient(Settings());
                client.Disconnected += (_, e) => lost.TrySetResult(e.Reason);
                client.MessageReceived += (_, message) => Dispatch(message);
                await client.ConnectAsync(stop).ConfigureAwait(false);
                await AnnounceAsync(client, stop).ConfigureAwait(false);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                if (client is not null)
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }

                downSince ??= _time.GetUtcNow();
                SetDown(e.Message);
                var delay = backoff.Next();
                var cause = FailureCause(e);
                if (cause != lastFailure)
                {
                    AgencyConnectionLog.ConnectFailed(_logger, e.Message, ReconnectDelayMax.TotalSeconds);
                    lastFailure = cause;
                }
                else
                {
                    AgencyConnectionLog.StillFailing(_logger, backoff.Failures, e.Message, delay.TotalSeconds);
                }

                if (!await DelayAsync(delay, stop).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }
            catch (OperationCanceledException)
            {
                if (client is not null)
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }

                return;
            }

            var outage = downSince is { } since ? $" (after {(_time.GetUtcNow() - since).TotalSeconds:0} s without it, {backoff.Failures} failed attempt(s))" : string.Empty;
            AgencyConnectionLog.Connected(_logger, Broker, outage, _topics.Status);
            backoff.Reset();
            lastFailure = null;
            downSince = null;
            SetUp(client);

            string reason;
            try
            {
                reason = await lost.Task.WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await SignOffAsync(client).ConfigureAwait(false);
                return;
            }

            downSince = _time.GetUtcNow();
            SetDown(reason);
            AgencyConnectionLog.Lost(_logger, Broker, reason);
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What counts as "the same failure" for logging: the broker's refusal code, or else the kind
    /// of failure (unreachable, timed out, TLS), however differently each attempt words it.
    /// </summary>
    private static string FailureCause(Exception e) => e switch
    {
        MqttConnectException { ReasonCode: { } code } => $"refused {code}",
        MqttConnectException connect => connect.Failure.ToString(),
        _ => e.Message,
    };

    private MqttConnectionSettings Settings() =>
        _options.ToConnectionSettings(new MqttLastWill(_topics.Status, Status(StatusEvent.Offline, at: null), Qos: 1, Retain: true));

    private async Task AnnounceAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        await client.PublishAsync(_topics.Status, Status(StatusEvent.Online, _time.GetUtcNow()), 1, retain: true, cancellationToken).ConfigureAwait(false);
        TopicSubscription[] subscriptions;
        (string Topic, byte[] Payload)[] announcements;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
            announcements = [.. _announcements];
        }

        foreach (var (topic, payload) in announcements)
        {
            await client.PublishAsync(topic, payload, 1, retain: true, cancellationToken).ConfigureAwait(false);
        }

        foreach (var subscription in subscriptions)
        {
            await client.SubscribeAsync(subscription.TopicFilter, subscription.Qos, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SignOffAsync(IMqttClient client)
    {
        SetDown("the device is stopping");
        try
        {
            using var limit = new CancellationTokenSource(SignOffTimeout);
            await client.PublishAsync(_topics.Status, Status(StatusEvent.Offline, _time.GetUtcNow()), 1, retain: true, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttException or OperationCanceledException or ObjectDisposedException)
        {
            // Could not say goodbye: without a clean DISCONNECT the broker publishes the will instead.
        }

        await client.DisposeAsync().ConfigureAwait(false);
        AgencyConnectionLog.Stopped(_logger, Broker);
    }

    private void Dispatch(MqttReceivedMessage message)
    {
        TopicSubscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
        }

        foreach (var subscription in subscriptions)
        {
            if (!MqttTopicFilter.Matches(subscription.TopicFilter, message.Topic))
            {
                continue;
            }

            try
            {
                subscription.Handler(message);
            }
            catch (Exception e)
            {
                // A handler's bug must not take the connection's network thread down with it.
                AgencyConnectionLog.HandlerFailed(_logger, message.Topic, e);
            }
        }
    }

    private byte[] Status(string state, DateTimeOffset? at) => JsonSerializer.SerializeToUtf8Bytes(
        new StatusEvent(StatusEvent.SchemaV1, _topics.DeviceId, state, at, DeviceVersion),
        EventJsonContext.Default.StatusEvent);

    private void SetUp(IMqttClient client)
    {
        lock (_gate)
        {
            _client = client;
            Connections++;
            _connected.TrySetResult();
            if (_disconnected.Task.IsCompleted)
            {
                _disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void SetDown(string reason)
    {
        lock (_gate)
        {
            _client = null;
            _downReason = reason;
            _disconnected.TrySetResult();
            if (_connected.Task.IsCompleted)
            {
                _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
