using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of the broker that a test can close and reopen, so it decides
/// exactly when the device can reach the broker (a killed broker alone cannot guarantee that the
/// agency's subscriber is back before the device is). Closed, it refuses connections and cuts the
/// live ones, as a broker that went down does. Bytes pass through untouched (TLS included).
/// It can also stand in for a poor cellular link, since this kernel has no <c>tc netem</c>: every
/// chunk delivered <see cref="OneWay"/> later in each direction, now and then a chunk (and
/// everything behind it) stalled as a lost segment waits for its retransmission, and every
/// <see cref="ResetEvery"/> the live connections reset (RST).
/// </summary>
internal sealed class LoopbackRelay : IAsyncDisposable
{
    private readonly int _upstreamPort;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Random _random = new(17);
    private TcpListener? _listener;
    private CancellationTokenSource? _open;
    private Timer? _resets;

    public LoopbackRelay(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        Port = MosquittoBroker.FreeLoopbackPort();
    }

    /// <summary>A plain relay to <paramref name="upstreamPort"/>, already open.</summary>
    public static LoopbackRelay OpenTo(int upstreamPort)
    {
        var relay = new LoopbackRelay(upstreamPort);
        relay.Open();
        return relay;
    }

    public int Port { get; }

    /// <summary>Zero: a plain relay (a LAN).</summary>
    public TimeSpan OneWay { get; set; }

    /// <summary>The chance that a chunk waits for a retransmission.</summary>
    public double StallProbability { get; set; }

    public TimeSpan Stall { get; set; } = TimeSpan.FromMilliseconds(600);

    public TimeSpan ResetEvery { get; set; } = Timeout.InfiniteTimeSpan;

    public int Resets { get; private set; }

    public int Stalls { get; private set; }

    public void Open()
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                return;
            }

            _open = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _ = AcceptAsync(_listener, _open.Token);
            _resets = new Timer(_ => ResetConnections(), null, ResetEvery, ResetEvery);
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            _resets?.Dispose();
            _resets = null;
            _open?.Cancel();
            _open?.Dispose();
            _open = null;
            _listener?.Stop();
            _listener = null;
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    /// <summary>Aborts every live connection with RST, as a NAT or a radio dropping the flow does.</summary>
    private void ResetConnections()
    {
        lock (_gate)
        {
            if (_connections.Count > 0)
            {
                Resets++;
            }

            foreach (var connection in _connections)
            {
                connection.LingerState = new LingerOption(true, 0);
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken closed)
    {
        while (!closed.IsCancellationRequested)
        {
            TcpClient downstream;
            try
            {
                downstream = await listener.AcceptTcpClientAsync(closed);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var upstream = new TcpClient { NoDelay = true };
            downstream.NoDelay = true;
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, closed);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                upstream.Dispose();
                downstream.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(downstream);
                _connections.Add(upstream);
            }

            _ = RelayAsync(downstream, upstream, closed);
            _ = RelayAsync(upstream, downstream, closed);
        }
    }

    /// <summary>One direction: a reader stamps each chunk with when it may go, a writer sends them in order.</summary>
    private async Task RelayAsync(TcpClient from, TcpClient to, CancellationToken closed)
    {
        var chunks = Channel.CreateUnbounded<(DateTime Due, byte[] Bytes)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            try
            {
                await foreach (var (due, bytes) in chunks.Reader.ReadAllAsync(closed))
                {
                    var wait = due - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, closed);
                    }

                    await to.GetStream().WriteAsync(bytes, closed);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException or SocketException)
            {
                // Reset, closed or the other side went away.
            }
            finally
            {
                to.Dispose();
            }
        }, CancellationToken.None);

        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.GetStream().ReadAsync(buffer, closed);
                if (read == 0)
                {
                    break;
                }

                chunks.Writer.TryWrite((DateTime.UtcNow + OneWay + NextStall(), buffer.AsSpan(0, read).ToArray()));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
            // Reset, closed or the other side went away.
        }
        finally
        {
            chunks.Writer.TryComplete();
            from.Dispose();
        }

        await writer;
    }

    private TimeSpan NextStall()
    {
        lock (_gate)
        {
            if (StallProbability <= 0 || _random.NextDouble() >= StallProbability)
            {
                return TimeSpan.Zero;
            }

            Stalls++;
            return Stall;
        }
    }
}
