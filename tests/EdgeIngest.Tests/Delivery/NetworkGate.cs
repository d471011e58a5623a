using System.Net;
using System.Net.Sockets;

namespace EdgeIngest.Tests.Delivery;

/// <summary>
/// A loopback TCP relay in front of the broker that a test can close and reopen, so it decides
/// exactly when the device can reach the broker again (a killed broker alone cannot guarantee that
/// the agency's subscriber is back before the device is). Closed, it refuses connections and cuts
/// the live ones, as a broker that went down does. Bytes pass through untouched (TLS included).
/// </summary>
internal sealed class NetworkGate : IAsyncDisposable
{
    private readonly int _upstreamPort;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _open;

    private NetworkGate(int upstreamPort, int port)
    {
        _upstreamPort = upstreamPort;
        Port = port;
    }

    public int Port { get; }

    public static NetworkGate OpenTo(int upstreamPort)
    {
        var gate = new NetworkGate(upstreamPort, Infrastructure.MosquittoBroker.FreeLoopbackPort());
        gate.Open();
        return gate;
    }

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
        }
    }

    public void Close()
    {
        lock (_gate)
        {
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

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, closed);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                // Broker down behind the gate: the device sees its connection close.
                upstream.Dispose();
                downstream.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(downstream);
                _connections.Add(upstream);
            }

            _ = PumpAsync(downstream, upstream);
            _ = PumpAsync(upstream, downstream);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // Either side went away.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
