using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace EdgeIngest.Benchmarks.Delivery;

/// <summary>
/// A TCP relay on loopback that delivers every chunk it reads <c>oneWay</c> later, in order, in
/// both directions: a link with that much latency each way (no bandwidth limit, no loss). Stands in
/// for <c>tc qdisc … netem delay</c>, which this machine's kernel lacks (sch_netem: "Specified
/// qdisc kind is unknown"), and touches nothing outside the benchmark's own sockets.
/// </summary>
internal sealed class DelayProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly TimeSpan _oneWay;
    private readonly CancellationTokenSource _stop = new();

    public DelayProxy(int upstreamPort, TimeSpan oneWay)
    {
        _upstreamPort = upstreamPort;
        _oneWay = oneWay;
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient downstream;
            try
            {
                downstream = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var upstream = new TcpClient { NoDelay = true };
            downstream.NoDelay = true;
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort).ConfigureAwait(false);
            _ = RelayAsync(downstream, upstream);
            _ = RelayAsync(upstream, downstream);
        }
    }

    /// <summary>One direction: a reader stamps each chunk, a writer sends it when its time has come.</summary>
    private async Task RelayAsync(TcpClient from, TcpClient to)
    {
        var chunks = Channel.CreateUnbounded<(long DueTicks, byte[] Bytes)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            try
            {
                await foreach (var (due, bytes) in chunks.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
                {
                    var wait = TimeSpan.FromTicks(due - DateTime.UtcNow.Ticks);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _stop.Token).ConfigureAwait(false);
                    }

                    await to.GetStream().WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
            finally
            {
                to.Close();
            }
        });

        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.GetStream().ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                chunks.Writer.TryWrite((DateTime.UtcNow.Ticks + _oneWay.Ticks, buffer.AsSpan(0, read).ToArray()));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            chunks.Writer.TryComplete();
        }

        await writer.ConfigureAwait(false);
    }
}
