using System.Collections.Concurrent;
using System.Globalization;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;

namespace EdgeIngest.Tests.Receiving;

/// <summary>
/// The receiver acknowledges a message only once it is on disk: the real <c>edgeingest receive</c>
/// process, killed with SIGKILL again and again while a device's hits flow through the deployed
/// agency broker, must still end up with every hit the device queued.
/// </summary>
public sealed class ReceiverKillTests(AgencyPki pki)
{
    private const int Kills = 4;
    private const int MinimumHits = 200;
    private static readonly TimeSpan HitInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Receiver_Killed_Repeatedly_While_Hits_Flow_Loses_None_Of_Them()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var output = Path.Combine(broker.Directory, "out");
        var stored = Path.Combine(output, "hits", AgencyPki.DeviceA);
        var config = WriteReceiverConfig(broker, output);
        using var folder = new OutboxFolder();
        var topics = new TopicLayout("edgeingest", AgencyPki.DeviceA);
        var logger = folder.Logs.CreateLogger("EdgeIngest.Events");
        using var outbox = DurableOutbox.Open(new OutboxOptions { FilePath = folder.FilePath }, topics, logger);
        await using var connection = new AgencyConnection(DeviceOptions(broker), topics, logger) { ReconnectDelayMax = TimeSpan.FromSeconds(2) };
        await using var sender = new OutboxSender(outbox, connection, logger);
        connection.Start();
        sender.Start();

        // Started once before any hit, so the broker holds the receiver's session from the first one on.
        var receiver = CliProcess.Start(config, "receive");
        try
        {
            await receiver.WaitForAsync(lines => lines.Any(l => l.Contains("Connected to the agency broker", StringComparison.Ordinal)), Patience, "the receiver connected");
            var queued = new ConcurrentQueue<string>();
            using var stopProducing = new CancellationTokenSource();
            var producing = ProduceAsync(outbox, topics, queued, stopProducing.Token);
            var seed = Environment.TickCount;
            var random = new Random(seed);
            var kills = 0;
            while (kills < Kills)
            {
                // Kill in the middle of the flow: once this run has stored a few more hits, at a random moment.
                var before = CountStored(stored);
                var more = random.Next(1, 20);
                await receiver.WaitForAsync(_ => CountStored(stored) >= before + more, Patience, $"the receiver stored {more} more hit(s) after start {kills + 1}");
                await Task.Delay(random.Next(0, 30), Cancellation);
                await receiver.KillAsync();
                kills++;
                await receiver.DisposeAsync();
                receiver = CliProcess.Start(config, "receive");
            }

            await stopProducing.CancelAsync();
            await producing;
            var ids = queued.ToArray();
            await Eventually.HoldsAsync(
                () => ids.All(id => File.Exists(Path.Combine(stored, $"{id}.json"))),
                Patience,
                () => $"{ids.Count(id => File.Exists(Path.Combine(stored, $"{id}.json")))} of {ids.Length} hits stored; outbox {outbox.GetStatistics()}; receiver:\n{string.Join('\n', receiver.Lines.TakeLast(20))}");

            var missing = ids.Where(id => !File.Exists(Path.Combine(stored, $"{id}.json"))).ToList();
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"queued {ids.Length}, stored {ids.Length - missing.Count}, lost {missing.Count}, receiver kills {kills} (SIGKILL, seed {seed}), hit files {CountStored(stored)}"));
            Assert.True(missing.Count == 0, $"lost {missing.Count} of {ids.Length} hits after {kills} kills: {string.Join(", ", missing.Take(10))}");
            Assert.Equal(ids.Length, CountStored(stored));
        }
        finally
        {
            await receiver.DisposeAsync();
        }
    }

    /// <summary>Queues hits as the appliance does (durably, one by one) until told to stop, and at least <see cref="MinimumHits"/>.</summary>
    private static async Task ProduceAsync(DurableOutbox outbox, TopicLayout topics, ConcurrentQueue<string> queued, CancellationToken stop)
    {
        await Task.Yield();
        while (!stop.IsCancellationRequested || queued.Count < MinimumHits)
        {
            var hit = DevicePayloads.Hit(AgencyPki.DeviceA);
            outbox.Enqueue(new OutgoingMessage(topics.Hits, DevicePayloads.Json(hit), hit.EventId));
            queued.Enqueue(hit.EventId);
            await Task.Delay(HitInterval, CancellationToken.None);
        }
    }

    private static int CountStored(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json").Length : 0;

    private MqttOptions DeviceOptions(MosquittoBroker broker) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = AgencyPki.DeviceA,
        UseTls = true,
        CaFile = pki.CaCertificate,
        ClientCertificateFile = pki.DeviceCertificate(AgencyPki.DeviceA),
        ClientKeyFile = pki.DeviceKey(AgencyPki.DeviceA),
        ConnectTimeoutSeconds = 5,
    };

    private string WriteReceiverConfig(MosquittoBroker broker, string output)
    {
        var path = Path.Combine(broker.Directory, "receiver.yaml");
        File.WriteAllText(path, $"""
            broker:
              host: {broker.Host}
              port: {broker.Port}
              client_id: agency-receiver-kill-test
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {pki.ReceiverCertificate}
                key_file: {pki.ReceiverKey}
            output_directory: {output}
            """);
        return path;
    }
}
