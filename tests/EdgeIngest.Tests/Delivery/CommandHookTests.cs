using System.Collections.Concurrent;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;

namespace EdgeIngest.Tests.Delivery;

/// <summary>The hooks the command processor plugs into: a subscription renewed on every connect, and results sent through the event lane.</summary>
public sealed class CommandHookTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Subscription_Made_On_Connect_Keeps_Delivering_To_Its_Handler_After_The_Broker_Restarts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var folder = new OutboxFolder();
        var topics = OutboxFolder.Topics;
        await using var connection = new AgencyConnection(broker.ClientOptions("test-device"), topics, folder.Logs.CreateLogger("EdgeIngest.Events"))
        {
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
        };
        var received = new ConcurrentQueue<string>();
        connection.SubscribeOnConnect(topics.Commands, 1, message => received.Enqueue(System.Text.Encoding.UTF8.GetString(message.Payload)));
        connection.SubscribeOnConnect(topics.Prefix + "/other/#", 1, _ => received.Enqueue("wrong handler"));
        connection.Start();
        await connection.WaitUntilConnectedAsync(Cancellation).WaitAsync(Patience, Cancellation);

        await PublishAsAgencyAsync(broker, topics.Commands, "before");
        await Eventually.HoldsAsync(() => received.Contains("before"), Patience, () => $"received: {string.Join(", ", received)}");

        await broker.RestartAsync();
        await Eventually.HoldsAsync(() => connection.Connections == 2 && connection.IsConnected, Patience, () => "the device did not reconnect");
        await PublishAsAgencyAsync(broker, topics.Commands, "after");

        await Eventually.HoldsAsync(() => received.Contains("after"), Patience, () => $"received: {string.Join(", ", received)}");
        Assert.Equal(["before", "after"], received);
    }

    [Fact]
    public async Task A_Command_Result_Enqueued_In_The_Event_Lane_Reaches_The_Agency_On_The_Results_Topic()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var folder = new OutboxFolder();
        using var outbox = folder.Open();
        var topics = OutboxFolder.Topics;
        var logger = folder.Logs.CreateLogger("EdgeIngest.Events");
        await using var connection = new AgencyConnection(broker.ClientOptions("test-device"), topics, logger);
        await using var sender = new OutboxSender(outbox, connection, logger) { Confirmation = DeliveryConfirmation.Broker };
        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), topics.CommandResults, 1, Cancellation);
        connection.Start();
        sender.Start();

        outbox.Enqueue(new OutgoingMessage(topics.CommandResults, """{"schema":"edgeingest.command-result/1","command_id":"c-1","ok":true}"""u8.ToArray(), "c-1"));

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        limit.CancelAfter(Patience);
        var message = await agency.Messages.ReadAsync(limit.Token);
        Assert.Equal(topics.CommandResults, message.Topic);
        Assert.Contains("\"command_id\":\"c-1\"", System.Text.Encoding.UTF8.GetString(message.Payload), StringComparison.Ordinal);
    }

    private static async Task PublishAsAgencyAsync(MosquittoBroker broker, string topic, string text)
    {
        await using var agency = new MqttNetClient(broker.ClientOptions("agency-" + text).ToConnectionSettings());
        await agency.ConnectAsync(Cancellation);
        await agency.PublishAsync(topic, System.Text.Encoding.UTF8.GetBytes(text), 1, retain: false, Cancellation);
    }
}
