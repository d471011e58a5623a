using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Receiving;

/// <summary>The receiver's link to the broker: a late broker, and messages sent while the receiver was away.</summary>
public sealed class ReceiverConnectionTests(AgencyPki pki)
{
    [Fact]
    public async Task A_Receiver_Started_Before_Its_Broker_Keeps_Trying_And_Receives_Once_It_Is_Up()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await broker.StopAsync();
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")), waitForSubscription: false);
        await Infrastructure.Eventually.HoldsAsync(() => receiver.Logs.Any(line => line.EventId == 801), TimeSpan.FromSeconds(30), receiver.Describe);

        await broker.RestartAsync();
        await receiver.WaitUntilAsync(_ => receiver.Receiver.IsSubscribed);
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(DevicePayloads.Hit(AgencyPki.DeviceA)));
        await receiver.WaitUntilAsync(c => c.Hits == 1);

        Assert.Contains(receiver.Logs, line => line.EventId == 801 && line.Message.Contains("retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hits_Published_While_The_Receiver_Was_Away_Arrive_When_It_Returns()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var config = AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out"));
        await using (await RunningReceiver.StartAsync(config))
        {
            // Subscribed once: the broker now holds a session for the receiver's client id.
        }

        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var hit = DevicePayloads.Hit(AgencyPki.DeviceA);
        await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(hit));

        await using var returned = await RunningReceiver.StartAsync(config);
        await returned.WaitUntilAsync(c => c.Hits == 1);

        Assert.True(File.Exists(Path.Combine(config.OutputDirectory, "hits", "dev-a", $"{hit.EventId}.json")));
        var connected = Assert.Single(returned.Logs, line => line.EventId == 800);
        Assert.Contains("session present: True", connected.Message, StringComparison.Ordinal);
    }
}
