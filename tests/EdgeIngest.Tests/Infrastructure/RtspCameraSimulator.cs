using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EdgeIngest.Installation;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// The RTSP camera simulator (deploy/camera-simulator/rtsp_camera.py under Debian's
/// /usr/bin/python3) on a free loopback port. <see cref="StartAsync"/> returns once it has said
/// ready and its port accepts connections; disposing kills it and reaps it.
/// </summary>
public sealed class RtspCameraSimulator : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly StringBuilder _output;
    private readonly IReadOnlyDictionary<string, string> _cameras;
    private readonly string? _user;
    private readonly string? _password;
    private Process _process;

    private RtspCameraSimulator(Process process, int port, StringBuilder output, IReadOnlyDictionary<string, string> cameras, string? user, string? password)
    {
        _process = process;
        Port = port;
        _output = output;
        _cameras = cameras;
        _user = user;
        _password = password;
    }

    public static string ScriptPath => Path.Combine(InstallLayout.Root, "deploy", "camera-simulator", "rtsp_camera.py");

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>What the simulator printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="cameras">Mount (e.g. <c>/cam1</c>) to mp4 file.</param>
    public static async Task<RtspCameraSimulator> StartAsync(
        IReadOnlyDictionary<string, string> cameras, string? user = null, string? password = null)
    {
        // The free port is found by binding port 0; another process could take it before the
        // simulator binds, so a start that fails is retried on a new port.
        for (var attempt = 1; ; attempt++)
        {
            var simulator = Launch(cameras, FreeLoopbackPort(), user, password);
            try
            {
                await simulator.WaitUntilReadyAsync(cameras.Count);
                return simulator;
            }
            catch (Exception) when (attempt < 3)
            {
                await simulator.DisposeAsync();
            }
        }
    }

    public string UrlFor(string mount, string? user = null, string? password = null)
    {
        var credentials = user is null ? "" : $"{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password ?? "")}@";
        return $"rtsp://{credentials}127.0.0.1:{Port}{mount}";
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open but nothing is sent, like a hung camera.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    public Task ThawAsync() => SignalAsync("CONT");

    /// <summary>Kills the server (SIGKILL: every connection drops mid-stream, like a camera losing power).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            await SignalAsync("CONT"); // a frozen process cannot be reaped until it runs again
            _process.Kill(entireProcessTree: true);
        }

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(bound.Token);
    }

    /// <summary>Starts the killed server again on the same port, serving the same files.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_output)
        {
            _output.Clear();
        }

        _process = StartProcess(_cameras, Port, _user, _password, _output);
        await WaitUntilReadyAsync(_cameras.Count);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static RtspCameraSimulator Launch(IReadOnlyDictionary<string, string> cameras, int port, string? user, string? password)
    {
        var output = new StringBuilder();
        return new RtspCameraSimulator(StartProcess(cameras, port, user, password, output), port, output, cameras, user, password);
    }

    private static Process StartProcess(IReadOnlyDictionary<string, string> cameras, int port, string? user, string? password, StringBuilder output)
    {
        var startInfo = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-u");
        startInfo.ArgumentList.Add(ScriptPath);
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (mount, file) in cameras)
        {
            startInfo.ArgumentList.Add("--camera");
            startInfo.ArgumentList.Add($"{mount}={file}");
        }

        if (user is not null)
        {
            startInfo.ArgumentList.Add("--user");
            startInfo.ArgumentList.Add(user);
            startInfo.ArgumentList.Add("--password");
            startInfo.ArgumentList.Add(password ?? "");
        }

        var process = new Process { StartInfo = startInfo };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync(int mounts)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"camera simulator exited ({_process.ExitCode}): {Output}");
            }

            if (CountReadyLines() >= mounts && await AcceptsConnectionsAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"camera simulator not ready within {StartTimeout.TotalSeconds} s: {Output}");
    }

    private int CountReadyLines()
    {
        var count = 0;
        foreach (var line in Output.Split('\n'))
        {
            if (line.StartsWith("rtsp-camera: ready ", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, bound.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SignalAsync(string signal)
    {
        var result = await ProcessRunner.RunAsync("kill", [$"-{signal}", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        if (result.ExitCode != 0 && !_process.HasExited)
        {
            throw new InvalidOperationException($"kill -{signal} {ProcessId} failed: {result.StandardError}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
