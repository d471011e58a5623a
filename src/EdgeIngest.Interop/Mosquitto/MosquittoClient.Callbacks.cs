using System.Runtime.InteropServices;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>What libmosquitto reports on the network thread (connect, disconnect, PUBACK, SUBACK, messages).</summary>
public sealed partial class MosquittoClient
{
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
}
