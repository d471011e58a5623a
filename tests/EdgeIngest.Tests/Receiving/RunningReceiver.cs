using EdgeIngest.Receiving;
using EdgeIngest.Receiving.Configuration;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Receiving;

/// <summary>
/// An <see cref="AgencyReceiver"/> running in the background, with its printed lines and logs kept
/// for assertions. Dispose stops it (bounded) and rethrows what it failed with.
/// </summary>
internal sealed class RunningReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly StringWriter _printed = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly InMemoryLoggerProvider _logs = new();
    private readonly Task _run;

    private RunningReceiver(ReceiverConfig config)
    {
        Config = config;
        Receiver = new AgencyReceiver(config, TextWriter.Synchronized(_printed), _logs.CreateFactory());
        _run = Task.Run(() => Receiver.RunAsync(_stop.Token));
    }

    public ReceiverConfig Config { get; }

    public AgencyReceiver Receiver { get; }

    public ReceiverCounters Counters => Receiver.Counters;

    public string Output => Config.OutputDirectory;

    public IReadOnlyCollection<LogLine> Logs => _logs.Lines;

    public string[] PrintedLines
    {
        get
        {
            lock (_printed)
            {
                return _printed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>Starts and waits until it is subscribed.</summary>
    public static async Task<RunningReceiver> StartAsync(ReceiverConfig config, bool waitForSubscription = true)
    {
        var running = new RunningReceiver(config);
        if (waitForSubscription)
        {
            await Eventually.HoldsAsync(() => running.Receiver.IsSubscribed || running._run.IsCompleted, Patience, running.Describe);
            if (running._run.IsFaulted)
            {
                await running._run;
            }
        }

        return running;
    }

    public Task WaitUntilAsync(Func<ReceiverCounters, bool> condition) =>
        Eventually.HoldsAsync(() => condition(Counters), Patience, Describe);

    public string Describe() =>
        $"counters: {Counters}\nprinted:\n{string.Join('\n', PrintedLines)}\nlogs:\n{string.Join('\n', Logs)}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(Patience);
        }
        finally
        {
            _stop.Dispose();
            _logs.Dispose();
        }
    }
}
