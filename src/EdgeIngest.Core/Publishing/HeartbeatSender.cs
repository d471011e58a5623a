using EdgeIngest.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

/// <summary>
/// Publishes a fresh heartbeat every interval while the link is up. Heartbeats bypass the outbox on
/// purpose: one that waited out an outage would report a state that no longer holds, and the next
/// one is never more than an interval away.
/// </summary>
public sealed class HeartbeatSender : BackgroundLoop
{
    private static readonly TimeSpan AcknowledgeTimeout = TimeSpan.FromSeconds(10);
    private readonly AgencyConnection _connection;
    private readonly string _topic;
    private readonly TimeSpan _interval;
    private readonly Func<byte[]> _build;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _sent;

    /// <param name="build">Makes the heartbeat payload (JSON) at the moment it is sent.</param>
    /// <param name="time">Paces the heartbeats (a fake one in tests).</param>
    public HeartbeatSender(AgencyConnection connection, string topic, TimeSpan interval, Func<byte[]> build, ILogger logger, TimeProvider? time = null)
        : base("heartbeat sender", logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _topic = topic;
        _interval = interval;
        _build = build ?? throw new ArgumentNullException(nameof(build));
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public long Sent => Interlocked.Read(ref _sent);

    protected override async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            if (!_connection.IsConnected)
            {
                continue;
            }

            try
            {
                // Bounded in real time: it guards against a broker that never answers, whatever clock paces the beats.
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                limit.CancelAfter(AcknowledgeTimeout);
                await _connection.PublishAsync(_topic, _build(), qos: 1, retain: false, limit.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _sent);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                HeartbeatSenderLog.NotSent(_logger, e.Message);
            }
        }
    }
}
