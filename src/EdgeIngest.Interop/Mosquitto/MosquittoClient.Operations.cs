using System.Runtime.InteropServices;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>Publishing and subscribing: queued for the network thread, completed by the broker's acknowledgements.</summary>
public sealed partial class MosquittoClient
{
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
}
