using System.Net;
using System.Net.Sockets;

namespace EdgeIngest.Demo;

internal static class DemoPorts
{
    /// <summary>A loopback port nothing listens on (at the moment of asking), so demos never collide with a real broker.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
