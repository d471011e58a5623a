using System.Threading.Channels;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Publishing;

/// <summary>
/// The agency side of the link, for the demo and tests: one connection subscribed to a topic
/// filter, with what arrives queued in <see cref="Messages"/> (unbounded: the network thread must
/// never wait on a slow reader).
/// </summary>
public sealed class MqttSubscriber : IAsyncDisposable
{
    private readonly Channel<MqttReceivedMessage> _messages = Channel.CreateUnbounded<MqttReceivedMessage>(
        new UnboundedChannelOptions { SingleWriter = true });

    private MqttSubscriber(IMqttClient client)
    {
        Client = client;
        Client.MessageReceived += (_, message) => _messages.Writer.TryWrite(message);
    }

    public IMqttClient Client { get; }

    public ChannelReader<MqttReceivedMessage> Messages => _messages.Reader;

    /// <summary>Connects and subscribes; completes once the broker has acknowledged the subscription.</summary>
    public static async Task<MqttSubscriber> ConnectAsync(MqttOptions options, string topicFilter, int qos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var subscriber = new MqttSubscriber(new MqttNetClient(options.ToConnectionSettings()));
        try
        {
            await subscriber.Client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await subscriber.Client.SubscribeAsync(topicFilter, qos, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await subscriber.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        _messages.Writer.TryComplete();
    }
}
