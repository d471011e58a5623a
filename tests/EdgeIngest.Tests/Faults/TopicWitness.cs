using System.Collections.Concurrent;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// A subscriber on <c>edgeingest/#</c> with the agency's identity (which may read everything every
/// device sends): it notes each message's topic, size and arrival, so a test can prove what left
/// the device and when. It does not reconnect: a test that cuts the broker starts another.
/// </summary>
internal sealed class TopicWitness : IAsyncDisposable
{
    private readonly MqttNetClient _client;
    private readonly ConcurrentQueue<(DateTimeOffset At, string Topic, int Bytes)> _seen = new();

    private TopicWitness(MqttNetClient client)
    {
        _client = client;
        _client.MessageReceived += (_, message) => _seen.Enqueue((DateTimeOffset.UtcNow, message.Topic, message.Payload.Length));
    }

    public IReadOnlyList<(DateTimeOffset At, string Topic, int Bytes)> Seen => [.. _seen];

    public static async Task<TopicWitness> StartAsync(AgencyPki pki, MosquittoBroker broker)
    {
        var client = new MqttNetClient(new MqttConnectionSettings
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = "agency-witness",
            UseTls = true,
            CaFile = pki.CaCertificate,
            CertificateFile = pki.ReceiverCertificate,
            KeyFile = pki.ReceiverKey,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        });
        var witness = new TopicWitness(client);
        await client.ConnectAsync(FaultTiming.Cancellation);
        await client.SubscribeAsync("edgeingest/#", 1, FaultTiming.Cancellation);
        return witness;
    }

    /// <summary>Every message seen whose topic mentions <paramref name="fragment"/>.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Topic, int Bytes)> About(string fragment) =>
        [.. Seen.Where(m => m.Topic.Contains(fragment, StringComparison.Ordinal))];

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
