using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

/// <summary>
/// Publishes a fresh heartbeat every interval while the link is up. Heartbeats bypass the outbox on
/// purpose: one that waited out an outage would report a state that no longer holds, and the next
/// one is never more than an interval away.
/// </summary>
public sealed class HeartbeatSender : IAsyncDisposable
{
    private static readonly TimeSpan AcknowledgeTimeout = TimeSpan.FromSeconds(10);
    private readonly AgencyConnection _connection;
    private readonly string _topic;
    private readonly TimeSpan _interval;
    private readonly Func<byte[]> _build;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _sent;
    private int _stopped;

    /// <param name="build">Makes the heartbeat payload (JSON) at the moment it is sent.</param>
    public HeartbeatSender(AgencyConnection connection, string topic, TimeSpan interval, Func<byte[]> build, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _topic = topic;
        _interval = interval;
        _build = build ?? throw new ArgumentNullException(nameof(build));
        _logger = logger;
    }

    public long Sent => Interlocked.Read(ref _sent);

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await _loop.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                if (!_connection.IsConnected)
                {
                    continue;
                }

                try
                {
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop);
                    limit.CancelAfter(AcknowledgeTimeout);
                    await _connection.PublishAsync(_topic, _build(), qos: 1, retain: false, limit.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _sent);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    HeartbeatSenderLog.NotSent(_logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
