using System.Threading.Channels;
using EdgeIngest.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Footage;

/// <summary>
/// Runs the footage requests in the appliance: at start, expires what is overdue and holds every
/// open window in the recording again (holds live in memory); then expires overdue requests every
/// <see cref="ExpiryInterval"/> and takes deliveries forward, at once after an approval or a
/// confirmation of footage by the receiver, and every <see cref="DeliveryInterval"/> besides.
/// </summary>
public sealed class FootageService : BackgroundLoop
{
    public static readonly TimeSpan ExpiryInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DeliveryInterval = TimeSpan.FromSeconds(1);

    private readonly FootageRequests _requests;
    private readonly FootageDelivery _delivery;
    private readonly TimeProvider _time;
    private bool _prepared;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public FootageService(FootageRequests requests, FootageDelivery delivery, ILogger logger, TimeProvider? time = null)
        : base("footage requests", logger)
    {
        _requests = requests ?? throw new ArgumentNullException(nameof(requests));
        _delivery = delivery ?? throw new ArgumentNullException(nameof(delivery));
        _time = time ?? TimeProvider.System;
        _requests.Approved = () => _wake.Writer.TryWrite(true);

        // A part waits for the receiver's confirmation before the next is stored: go on as soon as
        // one arrives, not at the next tick (up to a second lost per 8 MiB part; benchmarks/README.md).
        _delivery.Confirmed += () => _wake.Writer.TryWrite(true);
    }

    public FootageRequests Requests => _requests;

    /// <summary>What must hold before anything else runs: overdue requests expired, open windows held again.</summary>
    public void Prepare()
    {
        _requests.ExpireDue();
        _requests.HoldAll();
        Volatile.Write(ref _prepared, true);
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        if (!Volatile.Read(ref _prepared))
        {
            Prepare();
        }

        var lastExpiry = _time.GetUtcNow();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (_time.GetUtcNow() - lastExpiry >= ExpiryInterval)
                {
                    lastExpiry = _time.GetUtcNow();
                    _requests.ExpireDue();
                }

                // A step that moved (a part stored, a confirmation seen) is followed at once by the next.
                for (var steps = 0; steps < 64 && _delivery.Advance(); steps++)
                {
                }
            }
            catch (Exception e) when (e is FootageException or IOException or UnauthorizedAccessException or Outbox.OutboxException
                or Microsoft.Data.Sqlite.SqliteException or Audit.AuditException or System.Text.Json.JsonException)
            {
                // A full disk or a locked file: said, and tried again at the next turn.
                FootageLog.StepFailed(Logger, e.Message);
            }

            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var delay = Task.Delay(DeliveryInterval, _time, tick.Token);
            var woke = _wake.Reader.WaitToReadAsync(tick.Token).AsTask();
            await Task.WhenAny(delay, woke).ConfigureAwait(false);
            await tick.CancelAsync().ConfigureAwait(false);
            _wake.Reader.TryRead(out _);
        }
    }
}
