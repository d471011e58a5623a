using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Commands;
using EdgeIngest.Events;
using EdgeIngest.Footage;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Receiving.Configuration;

namespace EdgeIngest.Receiving.Footage;

/// <summary>
/// The agency side of <c>request footage</c>: with the receiver's identity (the broker ACL lets it
/// write any device's <c>commands</c> and read every <c>command-results</c>), subscribes to the
/// device's command results, publishes the <c>footage.request</c> command (QoS 1, not retained:
/// a device that is away gets it from its own persistent session, and a retained request would be
/// asked again at every reconnect), and waits for the answer carrying its command id. The receiver
/// itself goes on storing that answer in <c>command-results.jsonl</c>.
/// </summary>
public static class FootageRequester
{
    /// <returns>The device's answer, or null when none came within <paramref name="wait"/>.</returns>
    /// <exception cref="MqttException">The broker could not be reached, or refused the subscription or the publish.</exception>
    public static async Task<CommandResult?> RequestAsync(ReceiverConfig config, string device, FootageRequestCommand command, TimeSpan wait, CancellationToken cancellationToken)
    {
        var broker = config.Broker;
        var topics = new TopicLayout(config.TopicPrefix, device);
        var answers = Channel.CreateUnbounded<MqttReceivedMessage>();
        await using var client = new MqttNetClient(new MqttConnectionSettings
        {
            Host = broker.Host,
            Port = broker.Port,
            // Never the receiver's own id (that would take over its persistent session), and one
            // per run, so that two requests made at once do not disconnect each other.
            ClientId = $"{broker.ClientId}-request-{Guid.NewGuid().ToString("N")[..8]}",
            Username = broker.Username,
            Password = broker.Password,
            UseTls = broker.Tls is not null,
            CaFile = broker.Tls?.CaFile,
            CertificateFile = broker.Tls?.CertFile,
            KeyFile = broker.Tls?.KeyFile,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        });
        client.MessageReceived += (_, message) => answers.Writer.TryWrite(message);
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await client.SubscribeAsync(topics.CommandResults, 1, cancellationToken).ConfigureAwait(false);
        var payload = JsonSerializer.SerializeToUtf8Bytes(command, FootageJsonContext.Default.FootageRequestCommand);
        await client.PublishAsync(topics.Commands, payload, 1, retain: false, cancellationToken).ConfigureAwait(false);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        try
        {
            await foreach (var message in answers.Reader.ReadAllAsync(deadline.Token).ConfigureAwait(false))
            {
                if (AnswerTo(message.Payload, command.CommandId, device) is { } answer)
                {
                    await client.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
                    return answer;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // --wait ran out.
        }

        return null;
    }

    /// <summary>The result if it answers this command from this device; null for anything else on the topic.</summary>
    private static CommandResult? AnswerTo(byte[] payload, string commandId, string device)
    {
        try
        {
            var result = JsonSerializer.Deserialize(payload, CommandJsonContext.Default.CommandResult);
            return result is { Schema: CommandResult.SchemaV1 } && result.CommandId == commandId && result.DeviceId == device ? result : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
