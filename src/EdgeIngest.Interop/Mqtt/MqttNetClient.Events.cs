using System.Buffers;
using MQTTnet;
using MQTTnet.Exceptions;

namespace EdgeIngest.Interop.Mqtt;

/// <summary>What MQTTnet reports (messages, the end of the connection), turned into this interface's events.</summary>
public sealed partial class MqttNetClient
{
    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var handler = MessageReceived;
        if (handler is null || IsDisposed)
        {
            return Task.CompletedTask;
        }

        var application = e.ApplicationMessage;
        var message = new MqttReceivedMessage(application.Topic, application.Payload.ToArray(), (int)application.QualityOfServiceLevel, application.Retain);
        if (_settings.ManualAcknowledgement && message.Qos > 0)
        {
            e.AutoAcknowledge = false;
            message = message with { Acknowledgement = cancellationToken => AcknowledgeAsync(e, cancellationToken) };
        }

        t_inMessageHandler = true;
        try
        {
            handler(this, message);
        }
        catch (Exception exception)
        {
            // A handler's bug must not stop MQTTnet's receive task (nor, with automatic
            // acknowledgement, keep the PUBACK back); keep the text for the next failure message.
            _lastDisconnectReason = $"a message handler failed: {exception.GetType().Name}: {exception.Message}";
        }
        finally
        {
            t_inMessageHandler = false;
        }

        return Task.CompletedTask;
    }

    private async Task AcknowledgeAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken cancellationToken)
    {
        try
        {
            await e.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The connection that carried it is gone (MQTTnet then has no channel to write to):
            // the broker keeps the message in the session and sends it again after the reconnect.
            throw new MqttException($"Could not acknowledge the message on '{e.ApplicationMessage.Topic}' to MQTT broker {Broker}: the connection ended ({LastReason(exception)}); the broker will send it again.", exception);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (!e.ClientWasConnected)
        {
            return Task.CompletedTask;
        }

        var requested = _disconnectRequested;
        var reason = requested ? "disconnected by the client" : DescribeDisconnect(e);
        _lastDisconnectReason = reason;
        if (!IsDisposed || requested)
        {
            Disconnected?.Invoke(this, new MqttDisconnectedEventArgs(reason, requested));
        }

        return Task.CompletedTask;
    }

    private static string DescribeDisconnect(MqttClientDisconnectedEventArgs e)
    {
        if (e.Reason != MqttClientDisconnectReason.NormalDisconnection)
        {
            return $"the broker disconnected: {MqttReasonText.Of(e.Reason)}{Detail(e.ReasonString)}";
        }

        return e.Exception is { } exception
            ? $"the connection was lost: {Innermost(exception).Message}"
            : "the broker closed the connection";
    }

    private MqttException NotConnected(string operation) =>
        new($"Cannot {operation}: not connected to MQTT broker {Broker} ({_lastDisconnectReason}).");

    private string LastReason(Exception e) =>
        _client.IsConnected ? Innermost(e).Message : _lastDisconnectReason;

    private static string Detail(string? reasonString) =>
        string.IsNullOrWhiteSpace(reasonString) ? string.Empty : $" — {reasonString}";

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }
}
