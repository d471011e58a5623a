using System.Diagnostics;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Mqtt;

public sealed class MqttPublishingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Qos1_Publish_Is_Received_By_A_Subscriber_With_Identical_Bytes()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), "hits/#", 1, Cancellation);
        await using var publisher = await MqttMessagePublisher.ConnectAsync(broker.ClientOptions("edge"), Cancellation);
        var payload = new byte[4096];
        new Random(42).NextBytes(payload);
        payload[0] = 0; // binary-safe: a NUL must not cut the payload short

        await publisher.PublishAsync("hits/cam-1", payload, qos: 1, retain: false, Cancellation);
        var received = await subscriber.Messages.NextAsync();

        Assert.Equal("hits/cam-1", received.Topic);
        Assert.Equal(payload, received.Payload);
        Assert.Equal(1, received.Qos);
        Assert.False(received.Retain);
    }

    [Fact]
    public async Task Qos1_Publish_Completes_Only_After_The_Broker_Acknowledges()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var publisher = await MqttMessagePublisher.ConnectAsync(broker.ClientOptions("edge"), Cancellation);

        await broker.SignalAsync("STOP");
        Task publish;
        try
        {
            publish = publisher.PublishAsync("hits/cam-1", "held"u8.ToArray(), qos: 1, retain: false, Cancellation);
            await Task.Delay(500, Cancellation);
            Assert.False(publish.IsCompleted, "the publish completed while the broker was frozen and could not have sent PUBACK");
        }
        finally
        {
            await broker.SignalAsync("CONT");
        }

        await publish.WaitAsync(ReceivedMessages.Patience, Cancellation);
    }

    [Fact]
    public async Task A_Message_The_Broker_Refuses_Faults_The_Publish_With_The_Puback_Reason()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { AclLines = ["topic readwrite hits/#"] });
        await using var publisher = await MqttMessagePublisher.ConnectAsync(broker.ClientOptions("edge"), Cancellation);

        await publisher.PublishAsync("hits/cam-1", "allowed"u8.ToArray(), 1, false, Cancellation);
        var refused = await Assert.ThrowsAsync<MqttException>(
            () => publisher.PublishAsync("forbidden/cam-1", "denied"u8.ToArray(), 1, false, Cancellation).WaitAsync(ReceivedMessages.Patience, Cancellation));
        TestContext.Current.TestOutputHelper?.WriteLine(refused.Message);

        Assert.Contains("Not authorized", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("forbidden/cam-1", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"{broker.Host}:{broker.Port}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Thousand_Qos1_Messages_Are_All_Acknowledged_And_All_Received()
    {
        const int Count = 1000;
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), "reads/#", 1, Cancellation);
        await using var publisher = await MqttMessagePublisher.ConnectAsync(broker.ClientOptions("edge"), Cancellation);
        var clock = Stopwatch.StartNew();
        var publishes = new Task[Count];
        for (var i = 0; i < Count; i++)
        {
            // A payload of its own: the client reads it until the PUBACK (it does not copy it).
            var payload = new byte[1024];
            BitConverter.TryWriteBytes(payload, i);
            publishes[i] = publisher.PublishAsync("reads/cam-1", payload, 1, false, Cancellation);
        }

        await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        var acknowledged = clock.Elapsed;
        var seen = new HashSet<int>();
        for (var i = 0; i < Count; i++)
        {
            seen.Add(BitConverter.ToInt32((await subscriber.Messages.NextAsync()).Payload));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Count} x 1 KB QoS 1 acknowledged in {acknowledged.TotalMilliseconds:0} ms ({Count / acknowledged.TotalSeconds:0} msg/s), all received in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(Enumerable.Range(0, Count), seen.Order());
    }

    [Fact]
    public async Task Publishing_While_Disconnected_Fails_With_A_Message_Naming_The_Broker()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var publisher = await MqttMessagePublisher.ConnectAsync(broker.ClientOptions("edge"), Cancellation);
        await publisher.Client.DisconnectAsync(Cancellation);

        var failure = await Assert.ThrowsAsync<MqttException>(
            () => publisher.PublishAsync("hits/cam-1", "late"u8.ToArray(), 1, false, Cancellation));

        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains("not connected", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{broker.Host}:{broker.Port}", failure.Message, StringComparison.Ordinal);
    }
}
