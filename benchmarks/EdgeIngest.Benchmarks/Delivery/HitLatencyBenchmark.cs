using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeIngest.Benchmarks.Delivery;

/// <summary>
/// Hit latency on loopback: from the moment a read has become a hit (the durable outbox insert,
/// fsync included) until the agency's subscriber has it, through the real sender, connection and
/// mosquitto. One hit per iteration (a payload the size of a real hit with its two snapshots), so
/// each iteration is one latency sample and the P95 column is the 95th percentile of hits.
/// </summary>
[Config(typeof(LatencyConfig))]
public class HitLatencyBenchmark
{
    private readonly TopicLayout _topics = new("edgeingest", "bench-device");
    private LoopbackBroker _broker = null!;
    private string _folder = null!;
    private DurableOutbox _outbox = null!;
    private AgencyConnection _connection = null!;
    private OutboxSender _sender = null!;
    private MqttSubscriber _agency = null!;
    private OutgoingMessage _next = null!;
    private int _number;

    [GlobalSetup]
    public void Setup()
    {
        _broker = LoopbackBroker.Start();
        _folder = Directory.CreateTempSubdirectory("edgeingest-bench-outbox-").FullName;
        _outbox = DurableOutbox.Open(new OutboxOptions { FilePath = Path.Combine(_folder, OutboxOptions.FileName) }, _topics, NullLogger.Instance);
        var device = new MqttOptions { Host = "127.0.0.1", Port = _broker.Port, ClientId = "bench-device" };
        _connection = new AgencyConnection(device, _topics, NullLogger.Instance);
        _sender = new OutboxSender(_outbox, _connection, NullLogger.Instance) { Confirmation = DeliveryConfirmation.Broker };
        _agency = MqttSubscriber.ConnectAsync(new MqttOptions { Host = "127.0.0.1", Port = _broker.Port, ClientId = "bench-agency" }, _topics.Hits, 1, CancellationToken.None).GetAwaiter().GetResult();
        _connection.Start();
        _sender.Start();
        _connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
    }

    /// <summary>The hit is made (JSON with snapshots) before the clock starts: HitCommitter builds it before it enqueues.</summary>
    [IterationSetup]
    public void MakeHit() => _next = BenchmarkHits.Make(_topics, ++_number);

    [Benchmark(Description = "hit: outbox enqueue → agency subscriber")]
    public async Task HitToAgency()
    {
        _outbox.Enqueue(_next);
        while (true)
        {
            var message = await _agency.Messages.ReadAsync().ConfigureAwait(false);
            if (JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.HitEvent)!.EventId == _next.EventId)
            {
                return;
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _agency.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _outbox.Dispose();
        _broker.Dispose();
        Directory.Delete(_folder, recursive: true);
    }


    /// <summary>In-process (no generated project to build), one hit per iteration, 200 samples, none discarded as outliers, with the P95 column.</summary>
    private sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(10)
                .WithIterationCount(200)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)); // slow hits are the point: keep them
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
