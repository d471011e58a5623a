using System.Runtime.InteropServices;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>
/// <see cref="IMqttClient"/> over libmosquitto (MQTT 5). The network loop runs on a thread this class
/// owns (<c>mosquitto_loop</c> with <c>mosquitto_threaded_set</c>) rather than
/// <c>mosquitto_loop_start</c>, so that stopping never waits on a TCP connect that hangs, and so
/// that dispose can join the loop before the handle is destroyed: no callback can follow dispose.
/// </summary>
public sealed class MosquittoClient : IMqttClient
{
    private const int LoopTimeoutMilliseconds = 100;
    private const int FirstFailureReasonCode = 0x80;
    private static readonly TimeSpan DisconnectFlushTimeout = TimeSpan.FromSeconds(2);

    private readonly MqttConnectionSettings _settings;
    private readonly MosquittoHandle _handle;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PendingPublish> _pendingPublishes = [];
    private readonly Dictionary<int, PendingSubscription> _pendingSubscriptions = [];
    private readonly Dictionary<string, int> _subscriptions = [];
    private readonly MosquittoErrorLog _errorLog = new();
    private readonly ManualResetEventSlim _stopSignal = new();
    private GCHandle<MosquittoClient> _self;
    private TaskCompletionSource? _connectAttempt;
    private TaskCompletionSource? _connectionClosed;
    private Thread? _loopThread;
    private volatile bool _stopRequested;
    private volatile bool _disconnectRequested;
    private volatile bool _isConnected;
    private bool _everConnected;
    private bool _releaseOnLoopExit;
    private int _disposeState;
    private string _lastDisconnectReason = "never connected";

    public MosquittoClient(MqttConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Port);
        if ((settings.CertificateFile is null) != (settings.KeyFile is null))
        {
            throw new ArgumentException("A client certificate needs its key file, and a key file needs its certificate.", nameof(settings));
        }

        _settings = settings;
        MosquittoLibrary.AddClient();
        _self = new GCHandle<MosquittoClient>(this);
        try
        {
            _handle = MosquittoNative.New(settings.ClientId, settings.CleanSession, GCHandle<MosquittoClient>.ToIntPtr(_self));
            if (_handle.IsInvalid)
            {
                throw new MqttException($"mosquitto_new failed for {Broker}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
            }

            Configure();
        }
        catch
        {
            _handle?.Dispose();
            _self.Dispose();
            MosquittoLibrary.RemoveClient();
            throw;
        }
    }

    public event EventHandler<MqttConnectedEventArgs>? Connected;

    public event EventHandler<MqttDisconnectedEventArgs>? Disconnected;

    public event EventHandler<MqttReceivedMessage>? MessageReceived;

    public string Broker => _settings.Broker;

    public bool IsConnected => _isConnected;

    private bool IsDisposed => Volatile.Read(ref _disposeState) != 0;

    private bool IsOnLoopThread => _loopThread is not null && Thread.CurrentThread == _loopThread;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var attempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_connectAttempt is not null)
            {
                throw new InvalidOperationException("ConnectAsync may be called once per client; make a new client to try again.");
            }

            _connectAttempt = attempt;
        }

        var rc = MosquittoNative.ConnectAsync(_handle, _settings.Host, _settings.Port, (int)_settings.KeepAlive.TotalSeconds);
        if (rc != MosquittoError.Success)
        {
            // Lookup failures and an immediately refused TCP connect are reported here, synchronously.
            throw ConnectFailure(MosquittoErrors.Describe(rc, Marshal.GetLastPInvokeError()) + _errorLog.Drain());
        }

        _loopThread = new Thread(RunNetworkLoop) { IsBackground = true, Name = $"MQTT {Broker}" };
        _loopThread.Start();
        try
        {
            await attempt.Task.WaitAsync(_settings.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            StopNetworkLoop();
            throw ConnectFailure($"no answer within {_settings.ConnectTimeout.TotalSeconds:0.#} s (host unreachable, or a firewall drops the packets){_errorLog.Drain()}");
        }
        catch
        {
            StopNetworkLoop();
            throw;
        }
    }

    public unsafe Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentOutOfRangeException.ThrowIfNegative(qos);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qos, 2);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The lock spans the native publish and the registration of its message id: the PUBACK
        // callback takes the same lock, so it cannot look for the id before it is registered.
        lock (_gate)
        {
            if (IsDisposed)
            {
                return Task.FromException(new ObjectDisposedException(nameof(MosquittoClient)));
            }

            if (!_isConnected)
            {
                return Task.FromException(NotConnected($"publish to '{topic}'"));
            }

            int messageId;
            int rc;
            fixed (byte* data = payload.Span)
            {
                rc = MosquittoNative.Publish(_handle, &messageId, topic, payload.Length, data, qos, retain, IntPtr.Zero);
            }

            if (rc != MosquittoError.Success)
            {
                return Task.FromException(new MqttException($"Could not publish to '{topic}' on {Broker}: {MosquittoErrors.Describe(rc)}."));
            }

            _pendingPublishes[messageId] = new PendingPublish(topic, acknowledged);
        }

        return acknowledged.Task.WaitAsync(cancellationToken);
    }

    public Task SubscribeAsync(string topicFilter, int qos, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicFilter);
        ArgumentOutOfRangeException.ThrowIfNegative(qos);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qos, 2);
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (IsDisposed)
            {
                return Task.FromException(new ObjectDisposedException(nameof(MosquittoClient)));
            }

            if (!_isConnected)
            {
                return Task.FromException(NotConnected($"subscribe to '{topicFilter}'"));
            }

            var rc = SubscribeLocked(topicFilter, qos, acknowledged);
            if (rc != MosquittoError.Success)
            {
                return Task.FromException(new MqttException($"Could not subscribe to '{topicFilter}' on {Broker}: {MosquittoErrors.Describe(rc)}."));
            }

            _subscriptions[topicFilter] = qos;
        }

        return acknowledged.Task.WaitAsync(cancellationToken);
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (IsDisposed || _loopThread is null)
        {
            return;
        }

        var closed = RequestDisconnect();
        if (closed is not null && !IsOnLoopThread)
        {
            try
            {
                await closed.WaitAsync(DisconnectFlushTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A dead link cannot carry the DISCONNECT; stop anyway (the broker will send the will).
            }
        }

        StopNetworkLoop();
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
        Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeState, 1) != 0)
        {
            return;
        }

        if (IsOnLoopThread)
        {
            // Called from an event handler, i.e. inside libmosquitto's own stack frame: the handle
            // cannot be destroyed here, so the loop releases everything on its way out.
            _releaseOnLoopExit = true;
            _stopRequested = true;
            FailPendingOperations("the client was disposed");
            return;
        }

        if (_loopThread is not null)
        {
            RequestDisconnect()?.Wait(DisconnectFlushTimeout);
            StopNetworkLoop();
        }

        ReleaseNativeResources();
    }

    internal static MosquittoClient FromUserData(IntPtr userData) =>
        GCHandle<MosquittoClient>.FromIntPtr(userData).Target;

    internal void OnConnectAcknowledged(int reasonCode, int flags)
    {
        if (reasonCode != 0)
        {
            var refusal = $"the broker refused the connection{AsUser()}: {MosquittoErrors.DescribeReason(reasonCode)}{RefusalHint(reasonCode)}";
            lock (_gate)
            {
                _lastDisconnectReason = refusal;
            }

            _connectAttempt?.TrySetException(new MqttConnectException($"Could not connect to MQTT broker {Broker}: {refusal}.") { ReasonCode = reasonCode });
            return;
        }

        var sessionPresent = (flags & 1) != 0;
        bool isReconnect;
        lock (_gate)
        {
            isReconnect = _everConnected;
            _everConnected = true;
            _isConnected = true;
            if (isReconnect && !sessionPresent)
            {
                // A clean session forgot the subscriptions: ask again, nobody awaits these.
                foreach (var (topicFilter, qos) in _subscriptions)
                {
                    SubscribeLocked(topicFilter, qos, acknowledged: null);
                }
            }
        }

        _connectAttempt?.TrySetResult();
        if (!IsDisposed)
        {
            Connected?.Invoke(this, new MqttConnectedEventArgs(sessionPresent, isReconnect));
        }
    }

    internal void OnDisconnected(int errorCode, int errno)
    {
        var reason = errorCode == MosquittoError.Success
            ? "disconnected by the client"
            : MosquittoErrors.Describe(errorCode, errno) + _errorLog.Drain();
        bool wasConnected;
        TaskCompletionSource? closed;
        lock (_gate)
        {
            wasConnected = _isConnected;
            _isConnected = false;
            _lastDisconnectReason = reason;
            closed = _connectionClosed;
        }

        FailPendingOperations(reason);
        if (_connectAttempt is { Task.IsCompleted: false } attempt)
        {
            attempt.TrySetException(ConnectFailure(reason + TlsHint()));
        }

        closed?.TrySetResult();
        if (wasConnected && !IsDisposed)
        {
            var requested = _disconnectRequested;
            var willReconnect = !requested && !_stopRequested && _settings.AutoReconnect;
            Disconnected?.Invoke(this, new MqttDisconnectedEventArgs(reason, requested, willReconnect));
        }
    }

    internal void OnPublishAcknowledged(int messageId, int reasonCode)
    {
        PendingPublish pending;
        lock (_gate)
        {
            if (!_pendingPublishes.Remove(messageId, out pending))
            {
                return;
            }
        }

        if (reasonCode >= FirstFailureReasonCode)
        {
            pending.Acknowledged.TrySetException(new MqttException($"MQTT broker {Broker} rejected the message on '{pending.Topic}': {MosquittoErrors.DescribeReason(reasonCode)}."));
        }
        else
        {
            // Reason codes below 0x80 are successes, e.g. 0x10 "no matching subscribers".
            pending.Acknowledged.TrySetResult();
        }
    }

    internal void OnSubscribeAcknowledged(int messageId, int grantedQosOrReason)
    {
        PendingSubscription pending;
        lock (_gate)
        {
            if (!_pendingSubscriptions.Remove(messageId, out pending))
            {
                return;
            }
        }

        if (grantedQosOrReason >= FirstFailureReasonCode)
        {
            pending.Acknowledged?.TrySetException(new MqttException($"MQTT broker {Broker} refused the subscription to '{pending.TopicFilter}': {MosquittoErrors.DescribeReason(grantedQosOrReason)}."));
        }
        else
        {
            pending.Acknowledged?.TrySetResult();
        }
    }

    internal void OnMessage(string topic, byte[] payload, int qos, bool retain)
    {
        if (!IsDisposed)
        {
            MessageReceived?.Invoke(this, new MqttReceivedMessage(topic, payload, qos, retain));
        }
    }

    internal void OnLibraryError(string line) => _errorLog.Add(line);

    internal void OnCallbackFailed(Exception exception)
    {
        // An event handler threw on the network thread. It must not unwind into native code, and
        // the loop must keep running; keep the text so the next failure message can show it.
        _errorLog.Add($"event handler failed: {exception.GetType().Name}: {exception.Message}");
    }

    private unsafe void Configure()
    {
        Check(MosquittoNative.IntOption(_handle, MosquittoOption.ProtocolVersion, (int)_settings.ProtocolVersion), $"select MQTT protocol {_settings.ProtocolVersion}");

        // Our own thread runs the loop: publishes from other threads must only queue and wake it.
        Check(MosquittoNative.ThreadedSet(_handle, true), "enable thread-safe mode");

        // Best effort: small event messages should not wait for Nagle.
        _ = MosquittoNative.IntOption(_handle, MosquittoOption.TcpNoDelay, 1);

        if (_settings.Username is not null)
        {
            Check(MosquittoNative.UsernamePasswordSet(_handle, _settings.Username, _settings.Password), "set the username and password");
        }

        if (_settings.UseTls)
        {
            ConfigureTls();
        }

        if (_settings.LastWill is { } will)
        {
            fixed (byte* payload = will.Payload.Span)
            {
                Check(MosquittoNative.WillSet(_handle, will.Topic, will.Payload.Length, payload, will.Qos, will.Retain), $"set the last will on '{will.Topic}'");
            }
        }

        MosquittoNative.ConnectCallbackSet(_handle, &MosquittoCallbacks.OnConnect);
        MosquittoNative.DisconnectCallbackSet(_handle, &MosquittoCallbacks.OnDisconnect);
        MosquittoNative.PublishCallbackSet(_handle, &MosquittoCallbacks.OnPublish);
        MosquittoNative.SubscribeCallbackSet(_handle, &MosquittoCallbacks.OnSubscribe);
        MosquittoNative.MessageCallbackSet(_handle, &MosquittoCallbacks.OnMessage);
        MosquittoNative.LogCallbackSet(_handle, &MosquittoCallbacks.OnLog);
    }

    private void ConfigureTls()
    {
        // Without a CA file, trust the system's CAs (libmosquitto needs a file or a directory).
        var caPath = _settings.CaFile is null ? "/etc/ssl/certs" : null;
        var rc = MosquittoNative.TlsSet(_handle, _settings.CaFile, caPath, _settings.CertificateFile, _settings.KeyFile, IntPtr.Zero);
        if (rc == MosquittoError.Invalid)
        {
            throw new MqttConnectException(
                $"TLS settings for MQTT broker {Broker} were rejected: one of the files cannot be read " +
                $"(CA '{_settings.CaFile ?? caPath}', certificate '{_settings.CertificateFile}', key '{_settings.KeyFile}').");
        }

        Check(rc, "configure TLS");
    }

    private void RunNetworkLoop()
    {
        var delay = _settings.ReconnectDelayMin;
        while (!_stopRequested)
        {
            var rc = MosquittoNative.Loop(_handle, LoopTimeoutMilliseconds, 1);
            if (rc == MosquittoError.Success)
            {
                if (_isConnected)
                {
                    delay = _settings.ReconnectDelayMin;
                }

                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (_stopRequested || _disconnectRequested)
            {
                break;
            }

            if (!_everConnected || !_settings.AutoReconnect)
            {
                // The first connection failed (or reconnecting is off): report it and stop; the
                // caller decides whether and when to try again.
                _connectAttempt?.TrySetException(ConnectFailure(MosquittoErrors.Describe(rc, errno) + _errorLog.Drain()));
                break;
            }

            if (_stopSignal.Wait(delay))
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.ReconnectDelayMax.Ticks));

            // A failure here shows up as an error from the next loop pass, which backs off again.
            _ = MosquittoNative.ReconnectAsync(_handle);
        }

        if (_releaseOnLoopExit)
        {
            ReleaseNativeResources();
        }
    }

    private Task? RequestDisconnect()
    {
        TaskCompletionSource? closed = null;
        lock (_gate)
        {
            _disconnectRequested = true;
            if (_isConnected)
            {
                closed = _connectionClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        // Queues DISCONNECT for the loop to write; the disconnect callback then completes "closed".
        _ = MosquittoNative.Disconnect(_handle);
        return closed?.Task;
    }

    private void StopNetworkLoop()
    {
        _stopRequested = true;
        _stopSignal.Set();
        var thread = _loopThread;
        if (thread is not null && thread != Thread.CurrentThread)
        {
            thread.Join();
        }
    }

    private void ReleaseNativeResources()
    {
        lock (_gate)
        {
            _isConnected = false;
        }

        FailPendingOperations("the client was disposed");
        _handle.Dispose();
        _self.Dispose();
        _stopSignal.Dispose();
        MosquittoLibrary.RemoveClient();
    }

    private void FailPendingOperations(string reason)
    {
        PendingPublish[] publishes;
        PendingSubscription[] subscriptions;
        lock (_gate)
        {
            publishes = [.. _pendingPublishes.Values];
            subscriptions = [.. _pendingSubscriptions.Values];
            _pendingPublishes.Clear();
            _pendingSubscriptions.Clear();
        }

        foreach (var publish in publishes)
        {
            publish.Acknowledged.TrySetException(new MqttException(
                $"The connection to MQTT broker {Broker} ended before the message on '{publish.Topic}' was acknowledged ({reason}); it may or may not have been delivered."));
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Acknowledged?.TrySetException(new MqttException(
                $"The connection to MQTT broker {Broker} ended before the subscription to '{subscription.TopicFilter}' was acknowledged ({reason})."));
        }
    }

    private unsafe int SubscribeLocked(string topicFilter, int qos, TaskCompletionSource? acknowledged)
    {
        int messageId;
        var rc = MosquittoNative.Subscribe(_handle, &messageId, topicFilter, qos, 0, IntPtr.Zero);
        if (rc == MosquittoError.Success)
        {
            _pendingSubscriptions[messageId] = new PendingSubscription(topicFilter, acknowledged);
        }

        return rc;
    }

    private MqttConnectException ConnectFailure(string cause) =>
        new($"Could not connect to MQTT broker {Broker}: {cause}.");

    private MqttException NotConnected(string operation)
    {
        string reason;
        lock (_gate)
        {
            reason = _lastDisconnectReason;
        }

        return new MqttException($"Cannot {operation}: not connected to MQTT broker {Broker} ({reason}).");
    }

    /// <summary>
    /// A connection that dies before CONNACK over TLS is almost always the handshake: with TLS 1.3
    /// a broker rejects a client certificate only after the client's side of the handshake is done,
    /// so libmosquitto sees a bare EPROTO or a lost connection rather than a TLS error.
    /// </summary>
    private string TlsHint() => _settings.UseTls
        ? _settings.CertificateFile is null
            ? " (during TLS set-up: the broker may require a client certificate)"
            : " (during TLS set-up: the broker may not trust this client certificate, or the key does not match it)"
        : string.Empty;

    private string AsUser() => _settings.Username is null ? string.Empty : $" for user '{_settings.Username}'";

    private static string RefusalHint(int reasonCode) => reasonCode switch
    {
        0x86 => "; check the username and password",
        // mosquitto answers a wrong password with 0x87 rather than 0x86.
        0x87 => "; check the username and password (or the client certificate)",
        _ => string.Empty,
    };

    private void Check(int rc, string what)
    {
        if (rc != MosquittoError.Success)
        {
            throw new MqttException($"Could not {what} for MQTT broker {Broker}: {MosquittoErrors.Describe(rc)}.");
        }
    }
}
