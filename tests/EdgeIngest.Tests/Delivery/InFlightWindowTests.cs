using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;

namespace EdgeIngest.Tests.Delivery;

/// <summary>The sender keeps several publishes in flight, no more than asked, and first arrivals stay in creation order.</summary>
public sealed class InFlightWindowTests
{
    private const int Backlog = 60;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task A_Backlog_Is_Sent_With_Up_To_The_Window_In_Flight_And_Arrives_In_Creation_Order(int maxInFlight)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var folder = new OutboxFolder();
        using var outbox = folder.Open();
        var logger = folder.Logs.CreateLogger("EdgeIngest.Events");
        var produced = Enumerable.Range(0, Backlog).Select(i => SyntheticHits.Create(OutboxFolder.Topics, i)).ToList();
        foreach (var hit in produced)
        {
            outbox.Enqueue(hit);
        }

        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), OutboxFolder.Topics.Hits, 1, Cancellation);
        await using var connection = new AgencyConnection(broker.ClientOptions("test-device"), OutboxFolder.Topics, logger);
        await using var sender = new OutboxSender(outbox, connection, logger) { MaxInFlight = maxInFlight, Confirmation = DeliveryConfirmation.Broker };
        connection.Start();
        await connection.WaitUntilConnectedAsync(Cancellation).WaitAsync(Patience, Cancellation);

        // A frozen broker acknowledges nothing: the sender fills its window and waits.
        await broker.SignalAsync("STOP");
        try
        {
            sender.Start();
            await Task.Delay(500, Cancellation);
        }
        finally
        {
            await broker.SignalAsync("CONT");
        }

        var received = new List<string>();
        while (received.Distinct().Count() < Backlog)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            limit.CancelAfter(Patience);
            received.Add(SyntheticHits.EventIdOf((await agency.Messages.ReadAsync(limit.Token)).Payload));
        }

        await Eventually.HoldsAsync(() => outbox.GetStatistics().Total == 0, Patience, () => $"outbox still holds {outbox.GetStatistics()}");
        TestContext.Current.TestOutputHelper?.WriteLine($"max in flight {maxInFlight}: peak {sender.PeakInFlight}, {received.Count} received for {Backlog} queued");
        Assert.Equal(maxInFlight, sender.PeakInFlight);
        Assert.Equal(produced.Select(h => h.EventId), received.Distinct());
    }
}
