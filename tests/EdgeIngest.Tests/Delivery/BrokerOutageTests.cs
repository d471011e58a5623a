using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Delivery;

/// <summary>The real delivery path (durable outbox, sender, agency connection over mutual TLS) against a real broker that goes away.</summary>
public sealed class BrokerOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HitInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_Hit_Made_While_The_Broker_Is_Down_For_A_Minute_Arrives_When_It_Returns_First_Arrivals_In_Creation_Order()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { MutualTls = true });
        await using var gate = LoopbackRelay.OpenTo(broker.Port);
        using var folder = new OutboxFolder();
        using var outbox = folder.Open();
        var logger = folder.Logs.CreateLogger("EdgeIngest.Events");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var connection = new AgencyConnection(WithClientCertificate(broker, "test-device", gate.Port), OutboxFolder.Topics, logger, clock)
        {
            ReconnectDelayMax = TimeSpan.FromSeconds(5),
        };
        await using var sender = new OutboxSender(outbox, connection, logger, clock) { Confirmation = DeliveryConfirmation.Broker };
        var agency = await MqttSubscriber.ConnectAsync(WithClientCertificate(broker, "agency", broker.Port), TopicLayout.AllHits("edgeingest"), 1, Cancellation);
        connection.Start();
        sender.Start();
        var produced = new List<string>();

        var before = SyntheticHits.Create(OutboxFolder.Topics, 0);
        outbox.Enqueue(before);
        produced.Add(before.EventId);
        var received = new List<string> { SyntheticHits.EventIdOf((await NextAsync(agency.Messages, Patience)).Payload) };
        await Eventually.HoldsAsync(() => outbox.GetStatistics().Total == 0, Patience, () => "the first hit was never acknowledged");

        // The broker goes down (and the device's route to it with it) while hits keep coming, for
        // a minute of the device's clock; its reconnect attempts are real, their delays are not.
        gate.Close();
        await broker.StopAsync();
        await agency.DisposeAsync();
        await Eventually.HoldsAsync(() => !connection.IsConnected, Patience, () => "the device did not notice the broker was gone");
        var outageEnds = clock.GetUtcNow() + Outage;
        for (var i = 1; clock.GetUtcNow() < outageEnds; i++)
        {
            var hit = SyntheticHits.Create(OutboxFolder.Topics, i);
            outbox.Enqueue(hit);
            produced.Add(hit.EventId);
            clock.Advance(HitInterval);
            await Task.Delay(20, Cancellation); // lets the reconnect attempt that the advance released run
        }

        await Eventually.HoldsAdvancingAsync(() => folder.Logs.Lines.Any(l => l.EventId == 304), clock, HitInterval, Patience, () => "no reconnect attempt was retried during the outage");
        Assert.False(connection.IsConnected);
        Assert.Equal(produced.Count - 1, outbox.GetStatistics().Events);

        // The broker returns; the agency is listening before the device can get through.
        await broker.RestartAsync();
        await using var returned = await MqttSubscriber.ConnectAsync(WithClientCertificate(broker, "agency", broker.Port), TopicLayout.AllHits("edgeingest"), 1, Cancellation);
        gate.Open();
        await Eventually.HoldsAdvancingAsync(() => connection.IsConnected, clock, HitInterval, Patience, () => "the device did not reconnect once the broker was back");
        while (received.Distinct().Count() < produced.Count)
        {
            received.Add(SyntheticHits.EventIdOf((await NextAsync(returned.Messages, Patience, () => $"received {received.Distinct().Count()} of {produced.Count}; outbox {outbox.GetStatistics()}")).Payload));
        }

        Assert.Equal(produced, received.Distinct());

        // The subscriber can have the last hit a moment before the device has its PUBACK.
        await Eventually.HoldsAsync(() => outbox.GetStatistics().Total == 0, Patience, () => $"outbox still holds {outbox.GetStatistics()}");

        // The outage was logged as a state change, not once per retry.
        var failures = folder.Logs.Lines.Where(l => l.EventId == 301 && l.Level == LogLevel.Warning).ToList();
        Assert.InRange(failures.Count, 1, 2);
        Assert.Contains(folder.Logs.Lines, l => l.EventId == 304 && l.Level == LogLevel.Debug);
        Assert.Contains(folder.Logs.Lines, l => l.EventId == 300 && l.Contains("without it"));
    }

    [Fact]
    public async Task A_Device_That_Cannot_Reach_The_Broker_At_Start_Keeps_Trying_And_Delivers_Once_It_Can()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { MutualTls = true });
        await using var gate = LoopbackRelay.OpenTo(broker.Port);
        gate.Close();
        using var folder = new OutboxFolder();
        using var outbox = folder.Open();
        var logger = folder.Logs.CreateLogger("EdgeIngest.Events");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var connection = new AgencyConnection(WithClientCertificate(broker, "test-device", gate.Port), OutboxFolder.Topics, logger, clock)
        {
            ReconnectDelayMax = TimeSpan.FromSeconds(2),
        };
        await using var sender = new OutboxSender(outbox, connection, logger) { Confirmation = DeliveryConfirmation.Broker };
        await using var agency = await MqttSubscriber.ConnectAsync(WithClientCertificate(broker, "agency", broker.Port), TopicLayout.AllHits("edgeingest"), 1, Cancellation);
        var hit = SyntheticHits.Create(OutboxFolder.Topics, 1);
        outbox.Enqueue(hit);
        connection.Start();
        sender.Start();

        await Eventually.HoldsAdvancingAsync(() => folder.Logs.Lines.Any(l => l.EventId == 304), clock, connection.ReconnectDelayMax, TimeSpan.FromSeconds(20), () => "no second connection attempt was made");
        gate.Open();
        await Eventually.HoldsAdvancingAsync(() => connection.IsConnected, clock, connection.ReconnectDelayMax, Patience, () => "the device did not connect once it could");

        Assert.Equal(hit.EventId, SyntheticHits.EventIdOf((await NextAsync(agency.Messages, Patience)).Payload));
        var failure = Assert.Single(folder.Logs.Lines, l => l.EventId == 301);
        Assert.Contains($"127.0.0.1:{gate.Port}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Retained_Status_Is_Online_While_Connected_And_Offline_After_An_Orderly_Stop()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { MutualTls = true });
        using var folder = new OutboxFolder();
        var connection = new AgencyConnection(WithClientCertificate(broker, "test-device", broker.Port), OutboxFolder.Topics, folder.Logs.CreateLogger("EdgeIngest.Events"));
        connection.Start();
        await connection.WaitUntilConnectedAsync(Cancellation).WaitAsync(Patience, Cancellation);

        await using (var latecomer = await MqttSubscriber.ConnectAsync(WithClientCertificate(broker, "agency", broker.Port), OutboxFolder.Topics.Status, 1, Cancellation))
        {
            var online = await NextAsync(latecomer.Messages, Patience);
            var status = JsonSerializer.Deserialize(online.Payload, EventJsonContext.Default.StatusEvent)!;
            Assert.True(online.Retain);
            Assert.Equal((StatusEvent.SchemaV1, "test-device", "online", AgencyConnection.DeviceVersion), (status.Schema, status.DeviceId, status.State, status.Version));
            Assert.NotNull(status.At);
        }

        await connection.DisposeAsync();

        await using var afterStop = await MqttSubscriber.ConnectAsync(WithClientCertificate(broker, "agency", broker.Port), OutboxFolder.Topics.Status, 1, Cancellation);
        var offline = JsonSerializer.Deserialize((await NextAsync(afterStop.Messages, Patience)).Payload, EventJsonContext.Default.StatusEvent)!;
        Assert.Equal("offline", offline.State);
        Assert.NotNull(offline.At);
    }

    [Fact]
    public async Task A_Refused_Client_Certificate_Is_Logged_Once_With_The_Tls_Reason_While_Retrying()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { MutualTls = true });
        using var folder = new OutboxFolder();
        var options = broker.ClientOptions("test-device"); // no client certificate
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var connection = new AgencyConnection(options, OutboxFolder.Topics, folder.Logs.CreateLogger("EdgeIngest.Events"), clock);
        connection.Start();

        await Eventually.HoldsAdvancingAsync(() => folder.Logs.Lines.Count(l => l.EventId == 304) >= 3, clock, connection.ReconnectDelayMax, TimeSpan.FromSeconds(30), () => "fewer than 4 attempts were made");

        var warning = Assert.Single(folder.Logs.Lines, l => l.EventId == 301);
        Assert.Contains("client certificate", warning.Message, StringComparison.Ordinal);
        Assert.False(connection.IsConnected);
    }

    private static MqttOptions WithClientCertificate(MosquittoBroker broker, string clientId, int port)
    {
        var options = broker.ClientOptions(clientId);
        options.Port = port;
        options.ClientCertificateFile = broker.Certificates!.ClientCertificate;
        options.ClientKeyFile = broker.Certificates.ClientKey;
        return options;
    }

    private static async Task<MqttReceivedMessage> NextAsync(System.Threading.Channels.ChannelReader<MqttReceivedMessage> messages, TimeSpan timeout, Func<string>? describe = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        limit.CancelAfter(timeout);
        try
        {
            return await messages.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!Cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"nothing arrived within {timeout.TotalSeconds} s{(describe is null ? "" : "; " + describe())}");
        }
    }
}
