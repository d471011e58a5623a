using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EdgeIngest.Benchmarks.Delivery;

/// <summary>A mosquitto on a free loopback port in a temp folder, for the benchmark's lifetime.</summary>
internal sealed class LoopbackBroker : IDisposable
{
    private readonly Process _process;

    private LoopbackBroker(Process process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Directory { get; }

    public static LoopbackBroker Start()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("edgeingest-bench-").FullName;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var config = Path.Combine(directory, "mosquitto.conf");
        File.WriteAllLines(config, [
            string.Create(CultureInfo.InvariantCulture, $"listener {port} 127.0.0.1"),
            "allow_anonymous true",
            "persistence false",
            "log_dest none",
            "user root",
        ]);
        var process = Process.Start(new ProcessStartInfo("mosquitto", ["-c", config]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start mosquitto");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new LoopbackBroker(process, directory, port);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        process.Kill();
        throw new TimeoutException($"mosquitto did not listen on 127.0.0.1:{port} within 10 s");
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
