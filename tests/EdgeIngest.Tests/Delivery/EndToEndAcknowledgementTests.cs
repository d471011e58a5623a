using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Mqtt;
using EdgeIngest.Tests.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Delivery;

/// <summary>
/// The sender against a real broker, the confirm timeout on a fake clock: a PUBACK keeps the hit in
/// the outbox, the hit goes out again when its confirmation is overdue, and the receiver's
/// acknowledgement on the device's acks topic deletes it.
/// </summary>
public sealed class EndToEndAcknowledgementTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Hit_Acknowledged_By_The_Broker_Stays_Until_The_Agency_Confirms_It_And_Is_Sent_Again_When_Overdue()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var folder = new OutboxFolder();
        var topics = OutboxFolder.Topics;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = folder.Logs.CreateLogger("EdgeIngest.Events");
        using var outbox = DurableOutbox.Open(new OutboxOptions { FilePath = folder.FilePath }, topics, logger, clock);
        await using var connection = new AgencyConnection(broker.ClientOptions("test-device"), topics, logger);
        await using var sender = new OutboxSender(outbox, connection, logger, clock);
        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), topics.Hits, 1, Cancellation);
        connection.Start();
        sender.Start();
        var hit = OutboxFolder.Hit(1);

        outbox.Enqueue(hit);
        var first = await agency.Messages.NextAsync();
        await Eventually.HoldsAsync(() => sender.Published == 1, Patience, () => "the broker never acknowledged the hit");

        Assert.Equal(hit.Payload, first.Payload);
        Assert.Equal(1, outbox.GetStatistics().Total);
        Assert.True(await agency.Messages.StaysEmptyAsync(TimeSpan.FromMilliseconds(500)), "the hit was sent again before its confirmation was overdue");
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(await agency.Messages.StaysEmptyAsync(TimeSpan.FromMilliseconds(500)), "the hit was sent again 29 s after its PUBACK (confirm timeout 30 s)");
        clock.Advance(TimeSpan.FromSeconds(2));
        var again = await agency.Messages.NextAsync();
        Assert.Equal(hit.Payload, again.Payload);
        Assert.Equal(1, outbox.GetStatistics().Total);

        await using (var receiver = await MqttSubscriber.ConnectAsync(broker.ClientOptions("receiver"), "edgeingest/+/hits", 1, Cancellation))
        {
            var ack = new AckEvent(AckEvent.SchemaV1, topics.DeviceId, clock.GetUtcNow(), [AckKeys.ForEvent("hits", hit.EventId)]);
            await receiver.Client.PublishAsync(topics.Acks, JsonSerializer.SerializeToUtf8Bytes(ack, EventJsonContext.Default.AckEvent), 1, retain: false, Cancellation);
        }

        // Delivered counts once the deletion is committed, so it is the one to wait for.
        await Eventually.HoldsAsync(() => sender.Delivered == 1, Patience, () => $"the agency's acknowledgement did not delete the hit: outbox {outbox.GetStatistics()}, delivered {sender.Delivered}");
        Assert.Equal(0, outbox.GetStatistics().Total);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await agency.Messages.StaysEmptyAsync(TimeSpan.FromMilliseconds(500)), "a confirmed hit was sent again");
    }

    [Fact]
    public async Task An_Acknowledgement_For_Another_Device_Or_Of_Another_Schema_Deletes_Nothing()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var folder = new OutboxFolder();
        var topics = OutboxFolder.Topics;
        var logger = folder.Logs.CreateLogger("EdgeIngest.Events");
        using var outbox = DurableOutbox.Open(new OutboxOptions { FilePath = folder.FilePath }, topics, logger);
        await using var connection = new AgencyConnection(broker.ClientOptions("test-device"), topics, logger);
        await using var sender = new OutboxSender(outbox, connection, logger);
        connection.Start();
        sender.Start();
        var hit = OutboxFolder.Hit(1);
        outbox.Enqueue(hit);
        await Eventually.HoldsAsync(() => sender.Published == 1, Patience, () => "the broker never acknowledged the hit");

        await using var receiver = await MqttSubscriber.ConnectAsync(broker.ClientOptions("receiver"), "edgeingest/+/hits", 1, Cancellation);
        var keys = new[] { AckKeys.ForEvent("hits", hit.EventId) };
        await receiver.Client.PublishAsync(topics.Acks, JsonSerializer.SerializeToUtf8Bytes(new AckEvent(AckEvent.SchemaV1, "other-device", DateTimeOffset.UtcNow, keys), EventJsonContext.Default.AckEvent), 1, retain: false, Cancellation);
        await receiver.Client.PublishAsync(topics.Acks, JsonSerializer.SerializeToUtf8Bytes(new AckEvent("edgeingest.ack/9", topics.DeviceId, DateTimeOffset.UtcNow, keys), EventJsonContext.Default.AckEvent), 1, retain: false, Cancellation);
        await receiver.Client.PublishAsync(topics.Acks, "not json"u8.ToArray(), 1, retain: false, Cancellation);
        await Eventually.HoldsAsync(() => folder.Logs.Lines.Count(l => l.EventId == 313) == 3, Patience, () => "the bad acknowledgements were not reported");

        Assert.Equal(1, outbox.GetStatistics().Total);
        Assert.Equal(0, sender.Delivered);
    }
}
