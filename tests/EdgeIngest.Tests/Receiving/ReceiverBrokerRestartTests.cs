using System.Net;
using System.Net.Sockets;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Receiving;

/// <summary>
/// A broker that is restarting can accept a connection and cut it before the TLS handshake ends,
/// which looks to the client like a refused certificate. A receiver that has already connected
/// with its configuration must take that for what it is, keep retrying, and be back when the
/// broker is; before this, it exited ("retrying will not help") and stored nothing more.
/// </summary>
public sealed class ReceiverBrokerRestartTests(AgencyPki pki)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CutHandshakes = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_Receiver_That_Was_Connected_Retries_Through_Cut_Tls_Handshakes_And_Reconnects()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var config = Path.Combine(broker.Directory, "receiver.yaml");
        await File.WriteAllTextAsync(config, $"""
            broker:
              host: {broker.Host}
              port: {broker.Port}
              client_id: agency-receiver-restart-test
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {pki.ReceiverCertificate}
                key_file: {pki.ReceiverKey}
            output_directory: {Path.Combine(broker.Directory, "out")}
            """, TestContext.Current.CancellationToken);
        await using var receiver = CliProcess.Start(config, "receive");
        await receiver.WaitForAsync(l => l.Any(x => x.Contains("Connected to the agency broker", StringComparison.Ordinal)), Patience, "the receiver connected");

        await broker.StopAsync();
        var cuts = await CutHandshakesAsync(broker.Port, CutHandshakes);
        await broker.StartAgainAsync();

        Assert.True(cuts > 0, "no connection attempt reached the port while it cut handshakes, so nothing was tested");

        // Fails naming the exit if the receiver gave up on a cut handshake.
        await receiver.WaitForAsync(l => l.Any(x => x.Contains("Reconnected to the agency broker", StringComparison.Ordinal)), Patience, $"the receiver reconnected after {cuts} cut handshake(s)");
    }

    /// <summary>Listens on the broker's port and closes every connection at once; returns how many it cut.</summary>
    private static async Task<int> CutHandshakesAsync(int port, TimeSpan duration)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        var cuts = 0;
        using var stop = new CancellationTokenSource(duration);
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                client.Client.LingerState = new LingerOption(true, 0);
                cuts++;
            }
        }
        catch (OperationCanceledException)
        {
            // The broker comes back now.
        }

        listener.Stop();
        return cuts;
    }
}
