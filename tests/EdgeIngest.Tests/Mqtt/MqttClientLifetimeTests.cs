using System.Text;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Mqtt;

public sealed class MqttClientLifetimeTests
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disposing_A_Connected_Client_Sends_Disconnect_So_Its_Will_Is_Not_Published()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var watcher = await MqttSubscriber.ConnectAsync(broker.ClientOptions("watcher"), "status/#", 1, Cancellation);
        var client = new MqttNetClient(WithOfflineWill(broker, "edge"));
        await client.ConnectAsync(Cancellation);

        await client.DisposeAsync();

        Assert.False(client.IsConnected);
        Assert.True(await watcher.Messages.StaysEmptyAsync(QuietPeriod), "the will was published although the client disconnected cleanly");
    }

    [Fact]
    public async Task The_Will_Is_Published_When_The_Connection_Ends_Without_Disconnect()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var watcher = await MqttSubscriber.ConnectAsync(broker.ClientOptions("watcher"), "status/#", 1, Cancellation);
        await using var client = new MqttNetClient(WithOfflineWill(broker, "edge"));
        var dropped = new TaskCompletionSource<MqttDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Disconnected += (_, e) => dropped.TrySetResult(e);
        await client.ConnectAsync(Cancellation);

        // A second connection with the same client id takes the session over: the broker drops the
        // first without a DISCONNECT from it, which is what a power cut looks like to the broker.
        await using var usurper = new MqttNetClient(broker.ClientOptions("edge").ToConnectionSettings());
        await usurper.ConnectAsync(Cancellation);

        var will = await watcher.Messages.NextAsync();
        var drop = await dropped.Task.WaitAsync(ReceivedMessages.Patience, Cancellation);
        TestContext.Current.TestOutputHelper?.WriteLine($"disconnect reason: {drop.Reason}");
        await using var latecomer = await MqttSubscriber.ConnectAsync(broker.ClientOptions("latecomer"), "status/#", 1, Cancellation);
        var retained = await latecomer.Messages.NextAsync();
        Assert.Equal("status/edge", will.Topic);
        Assert.Equal("offline", Encoding.UTF8.GetString(will.Payload));
        Assert.Equal("offline", Encoding.UTF8.GetString(retained.Payload));
        Assert.True(retained.Retain);
        Assert.False(drop.WasRequested);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Disposing_A_Subscriber_Stops_Its_Callbacks_And_Refuses_Further_Use()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var received = 0;
        var subscriber = new MqttNetClient(broker.ClientOptions("agency").ToConnectionSettings());
        subscriber.MessageReceived += (_, _) => Interlocked.Increment(ref received);
        await subscriber.ConnectAsync(Cancellation);
        await subscriber.SubscribeAsync("reads/#", 0, Cancellation);
        await using var publisher = await MqttMessagePublisher.ConnectAsync(broker.ClientOptions("edge"), Cancellation);
        using var stopFlood = new CancellationTokenSource();
        var flood = FloodAsync(publisher, stopFlood.Token);
        await WaitUntilAsync(() => Volatile.Read(ref received) >= 100);

        await subscriber.DisposeAsync();
        var atDispose = Volatile.Read(ref received);
        await Task.Delay(QuietPeriod, Cancellation);
        await stopFlood.CancelAsync();
        await flood;

        Assert.Equal(atDispose, Volatile.Read(ref received));
        Assert.False(subscriber.IsConnected);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => subscriber.PublishAsync("reads/x", "x"u8.ToArray(), 1, false, Cancellation));
    }

    [Fact]
    public async Task Disposing_Faults_A_Publish_Still_Waiting_For_Its_Puback()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var publisher = await MqttMessagePublisher.ConnectAsync(broker.ClientOptions("edge"), Cancellation);
        Task publish;
        await broker.SignalAsync("STOP");
        try
        {
            publish = publisher.PublishAsync("hits/cam-1", "never acknowledged"u8.ToArray(), 1, false, Cancellation);
            await publisher.DisposeAsync();
        }
        finally
        {
            await broker.SignalAsync("CONT");
        }

        var failure = await Assert.ThrowsAsync<MqttException>(() => publish.WaitAsync(ReceivedMessages.Patience, Cancellation));
        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);
        Assert.Contains("before the message on 'hits/cam-1' was acknowledged", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_From_Inside_A_Message_Handler_Releases_The_Client_Without_Crashing()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = new MqttNetClient(broker.ClientOptions("agency").ToConnectionSettings());
        subscriber.MessageReceived += (_, _) =>
        {
            subscriber.Dispose();
            handled.TrySetResult();
        };
        await subscriber.ConnectAsync(Cancellation);
        await subscriber.SubscribeAsync("reads/#", 1, Cancellation);
        await using var publisher = await MqttMessagePublisher.ConnectAsync(broker.ClientOptions("edge"), Cancellation);

        await publisher.PublishAsync("reads/cam-1", "last"u8.ToArray(), 1, false, Cancellation);
        await handled.Task.WaitAsync(ReceivedMessages.Patience, Cancellation);
        await WaitUntilAsync(() => !subscriber.IsConnected);

        await publisher.PublishAsync("reads/cam-1", "after"u8.ToArray(), 1, false, Cancellation);
        Assert.False(subscriber.IsConnected);
    }

    private static MqttConnectionSettings WithOfflineWill(MosquittoBroker broker, string clientId) =>
        broker.ClientOptions(clientId).ToConnectionSettings(new MqttLastWill($"status/{clientId}", "offline"u8.ToArray(), 1, Retain: true));

    private static async Task FloodAsync(IMessagePublisher publisher, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await publisher.PublishAsync("reads/cam-1", "flood"u8.ToArray(), 0, false, CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        limit.CancelAfter(ReceivedMessages.Patience);
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
