using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EdgeIngest.Publishing;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// A real mosquitto on a free loopback port with a generated config in its own temp directory.
/// Starts within a bounded time, kills the broker and deletes the directory on dispose, and keeps
/// the broker's log (<see cref="ReadLog"/>) so a failing test can show what the broker saw.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private readonly MosquittoBrokerOptions _options;
    private readonly StringBuilder _consoleOutput = new();
    private Process? _process;

    private MosquittoBroker(MosquittoBrokerOptions options, string directory, int port, TestCertificates? certificates)
    {
        _options = options;
        Directory = directory;
        Port = port;
        Certificates = certificates;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string Directory { get; }

    public TestCertificates? Certificates { get; }

    public string LogFile => Path.Combine(Directory, "mosquitto.log");

    public string ConfigurationFile => Path.Combine(Directory, "mosquitto.conf");

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The broker is not running.");

    public static async Task<MosquittoBroker> StartAsync(MosquittoBrokerOptions? options = null)
    {
        options ??= new MosquittoBrokerOptions();
        var directory = System.IO.Directory.CreateTempSubdirectory("edgeingest-mosquitto-").FullName;
        try
        {
            var certificates = options.Tls || options.MutualTls
                ? await TestCertificates.CreateAsync(Path.Combine(directory, "certs"))
                : null;
            var broker = new MosquittoBroker(options, directory, FreeLoopbackPort(), certificates);
            await broker.WriteConfigurationAsync();
            await broker.LaunchAsync();
            return broker;
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>A port on which nothing listens (at the moment of asking).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Client options for this broker: TLS and its CA when the broker uses TLS.</summary>
    public MqttOptions ClientOptions(string clientId) => new()
    {
        Host = Host,
        Port = Port,
        ClientId = clientId,
        UseTls = Certificates is not null,
        CaFile = Certificates?.CaCertificate,
        ConnectTimeoutSeconds = 5,
    };

    public string ReadLog()
    {
        var log = File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log file)";
        return $"{log}\n--- console ---\n{_consoleOutput}";
    }

    /// <summary>Kills the broker (clients see the connection drop) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await LaunchAsync();
    }

    /// <summary>Starts the broker again after <see cref="StopAsync"/>: same port, configuration and persistence folder.</summary>
    public Task StartAgainAsync() => LaunchAsync();

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().WaitAsync(StartTimeout);
        _process.Dispose();
        _process = null;
    }

    /// <summary>Freezes (SIGSTOP) or thaws (SIGCONT) the broker, to hold back its acknowledgements.</summary>
    public Task SignalAsync(string signal) =>
        ProcessRunner.RunCheckedAsync("kill", [$"-{signal}", ProcessId.ToString(CultureInfo.InvariantCulture)], StartTimeout, Directory);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private async Task WriteConfigurationAsync()
    {
        if (_options.Configuration is { } configure)
        {
            await File.WriteAllTextAsync(ConfigurationFile, configure(this));
            return;
        }

        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"listener {Port} {Host}")
            .AppendLine("persistence false")
            .AppendLine("user root") // stay root: a broker that drops to 'mosquitto' cannot read this directory
            .AppendLine(CultureInfo.InvariantCulture, $"log_dest file {LogFile}")
            .AppendLine("log_type all")
            .AppendLine("max_queued_messages 100000")
            .AppendLine("max_inflight_messages 100");

        if (_options.Users.Count > 0)
        {
            var passwordFile = Path.Combine(Directory, "passwords");
            var create = true;
            foreach (var (user, password) in _options.Users)
            {
                string[] flags = create ? ["-b", "-c"] : ["-b"];
                await ProcessRunner.RunCheckedAsync("mosquitto_passwd", [.. flags, passwordFile, user, password], StartTimeout, Directory);
                create = false;
            }

            config.AppendLine("allow_anonymous false").AppendLine(CultureInfo.InvariantCulture, $"password_file {passwordFile}");
        }
        else
        {
            config.AppendLine("allow_anonymous true");
        }

        if (Certificates is { } certificates)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"cafile {certificates.CaCertificate}")
                .AppendLine(CultureInfo.InvariantCulture, $"certfile {certificates.ServerCertificate}")
                .AppendLine(CultureInfo.InvariantCulture, $"keyfile {certificates.ServerKey}");
            if (_options.MutualTls)
            {
                config.AppendLine("require_certificate true").AppendLine("use_identity_as_username true");
            }
        }

        if (_options.AclLines.Count > 0)
        {
            var aclFile = Path.Combine(Directory, "acl");
            await File.WriteAllLinesAsync(aclFile, _options.AclLines);
            config.AppendLine(CultureInfo.InvariantCulture, $"acl_file {aclFile}");
        }

        await File.WriteAllTextAsync(ConfigurationFile, config.ToString());
    }

    private async Task LaunchAsync()
    {
        var startInfo = new ProcessStartInfo("mosquitto")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(ConfigurationFile);
        _process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start mosquitto.");
        _process.OutputDataReceived += (_, e) => AppendConsole(e.Data);
        _process.ErrorDataReceived += (_, e) => AppendConsole(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode} while starting:\n{ReadLog()}");
            }

            if (await AcceptsConnectionsAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        await StopAsync();
        throw new TimeoutException($"mosquitto did not accept connections on {Host}:{Port} within {StartTimeout.TotalSeconds} s:\n{ReadLog()}");
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var probe = new TcpClient();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, Port, limit.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private void AppendConsole(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_consoleOutput)
        {
            _consoleOutput.AppendLine(line);
        }
    }
}
