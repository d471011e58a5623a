using System.Runtime.InteropServices;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>The network thread this client owns, and the orderly release of native resources.</summary>
public sealed partial class MosquittoClient
{
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
}
