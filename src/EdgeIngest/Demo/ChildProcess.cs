using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace EdgeIngest.Demo;

/// <summary>
/// A helper program the demo starts (broker, camera simulator). Its output is kept (the last
/// lines explain a failed start); stopping sends SIGTERM, then SIGKILL after a grace period, and
/// always waits for the exit, so Ctrl-C leaves nothing running.
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>
    /// Runs the program under a small shell guard that holds our end of a pipe on its stdin: if
    /// this process dies without stopping its children (a crash, SIGKILL), the pipe closes and
    /// the guard stops the program, so no broker or simulator is left behind.
    /// </summary>
    private const string ParentDeathGuard = """
        exec 3<&0
        "$@" </dev/null &
        child=$!
        ( read -r _ <&3; kill -TERM $child 2>/dev/null ) >/dev/null 2>&1 &
        watcher=$!
        trap 'kill -TERM $child 2>/dev/null' TERM INT
        wait $child; status=$?
        wait $child 2>/dev/null
        kill $watcher 2>/dev/null
        exit $status
        """;

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(ParentDeathGuard);
        startInfo.ArgumentList.Add(name);
        startInfo.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"could not start the {name} ({fileName}): {e.Message}; run deploy/setup.sh", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until something accepts TCP connections on the loopback port, or the process dies.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the {Name} exited with code {_process.ExitCode} during start-up:{Environment.NewLine}{LastOutput()}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"the {Name} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s:{Environment.NewLine}{LastOutput()}");
    }

    /// <summary>Waits for a program that runs to completion (the video generator); returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public string LastOutput()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _ = Kill(_process.Id, SigTerm);
                using var grace = new CancellationTokenSource(GracePeriod);
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 20)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
