using BenchmarkDotNet.Attributes;
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
/// How long a backlog of hits takes to leave the outbox over a link with 100 ms round trip (50 ms
/// each way through <see cref="DelayProxy"/>), one publish in flight against several: the real
/// outbox, sender and connection against a real mosquitto (its default Receive Maximum of 20).
/// Each iteration queues <see cref="Backlog"/> hits of a real hit's size before the clock starts,
/// then starts the sender and stops the clock when the outbox is empty (every PUBACK in).
/// </summary>
[Config(typeof(DrainConfig))]
public class BacklogDrainBenchmark
{
    private const int Backlog = 200;
    private static readonly TimeSpan OneWay = TimeSpan.FromMilliseconds(50);
    private readonly TopicLayout _topics = new("edgeingest", "bench-device");
    private LoopbackBroker _broker = null!;
    private DelayProxy _link = null!;
    private string _folder = null!;
    private DurableOutbox _outbox = null!;
    private AgencyConnection _connection = null!;
    private OutboxSender _sender = null!;

    [Params(1, OutboxSender.DefaultMaxInFlight)]
    public int MaxInFlight { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _broker = LoopbackBroker.Start();
        _link = new DelayProxy(_broker.Port, OneWay);
        _folder = Directory.CreateTempSubdirectory("edgeingest-bench-drain-").FullName;
        _outbox = DurableOutbox.Open(new OutboxOptions { FilePath = Path.Combine(_folder, OutboxOptions.FileName) }, _topics, NullLogger.Instance);
        _connection = new AgencyConnection(new MqttOptions { Host = "127.0.0.1", Port = _link.Port, ClientId = "bench-device" }, _topics, NullLogger.Instance);
        _connection.Start();
        _connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void QueueBacklog()
    {
        for (var i = 0; i < Backlog; i++)
        {
            _outbox.Enqueue(BenchmarkHits.Make(_topics, i));
        }

        _sender = new OutboxSender(_outbox, _connection, NullLogger.Instance) { MaxInFlight = MaxInFlight, Confirmation = DeliveryConfirmation.Broker };
    }

    [Benchmark(Description = "drain 200 queued hits over a 100 ms RTT link")]
    public async Task Drain()
    {
        _sender.Start();
        while (_outbox.GetStatistics().Total > 0)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    [IterationCleanup]
    public void StopSender()
    {
        Console.WriteLine($"// in flight at most {MaxInFlight}: peak {_sender.PeakInFlight}, broker Receive Maximum {_connection.BrokerReceiveMaximum}");
        _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _outbox.Dispose();
        _link.Dispose();
        _broker.Dispose();
        Directory.Delete(_folder, recursive: true);
    }


    /// <summary>In-process, 3 drains per setting, each one invocation (a drain of one at a time takes about 20 s).</summary>
    private sealed class DrainConfig : ManualConfig
    {
        public DrainConfig() =>
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
    }
}
