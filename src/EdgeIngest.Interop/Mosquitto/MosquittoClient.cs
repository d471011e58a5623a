using System.Runtime.InteropServices;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>
/// <see cref="IMqttClient"/> over libmosquitto (MQTT 5). The network loop runs on a thread this class
/// owns (<c>mosquitto_loop</c> with <c>mosquitto_threaded_set</c>) rather than
/// <c>mosquitto_loop_start</c>, so that stopping never waits on a TCP connect that hangs, and so
/// that dispose can join the loop before the handle is destroyed: no callback can follow dispose.
/// </summary>
public sealed partial class MosquittoClient : IMqttClient
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
}
