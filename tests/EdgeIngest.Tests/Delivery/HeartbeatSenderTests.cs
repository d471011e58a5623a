using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Delivery;

/// <summary>The heartbeat's pace, on a fake clock, over a real connection to a real broker.</summary>
public sealed class HeartbeatSenderTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_Heartbeat_Goes_Out_Per_Interval_And_None_Before_The_First_Interval_Has_Passed()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var folder = new OutboxFolder();
        var logger = folder.Logs.CreateLogger("EdgeIngest.Events");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), OutboxFolder.Topics.Heartbeat, 1, Cancellation);
        await using var connection = new AgencyConnection(broker.ClientOptions("test-device"), OutboxFolder.Topics, logger, clock);
        var built = 0;
        await using var heartbeats = new HeartbeatSender(connection, OutboxFolder.Topics.Heartbeat, Interval, () => [(byte)'0', (byte)(++built)], logger, clock);
        connection.Start();
        await connection.WaitUntilConnectedAsync(Cancellation).WaitAsync(Patience, Cancellation);
        heartbeats.Start();

        clock.Advance(Interval - TimeSpan.FromSeconds(1));
        await Task.Delay(200, Cancellation); // a heartbeat sent now, too early, would have arrived by then
        Assert.Equal(0, heartbeats.Sent);
        Assert.False(agency.Messages.TryRead(out _), "a heartbeat went out before its first interval had passed");

        for (var beat = 1; beat <= 3; beat++)
        {
            await Eventually.HoldsAdvancingAsync(() => heartbeats.Sent >= beat, clock, TimeSpan.FromSeconds(1), Patience, () => $"heartbeat {beat} was not sent (sent {heartbeats.Sent})");
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            limit.CancelAfter(Patience);
            var message = await agency.Messages.ReadAsync(limit.Token);
            Assert.Equal(beat, message.Payload[1]);
        }

        // Three heartbeats took three intervals, no fewer (and a fourth is not yet due).
        Assert.Equal(3, heartbeats.Sent);
        Assert.InRange(clock.GetUtcNow() - clock.Start, 3 * Interval, (4 * Interval) - TimeSpan.FromTicks(1));
    }
}
