using System.Collections.Concurrent;
using System.Diagnostics;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// The real CLI as a separate process (<c>dotnet edgeingest.dll run|receive --config FILE</c>), its
/// console lines collected as they come, so a test can wait for a log line and then kill it with
/// SIGKILL, as a power cut or an OOM kill would, and start it again with the same arguments: the
/// lines of every run are kept in order, each with the time it arrived.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");
    private readonly ConcurrentQueue<(DateTime At, string Text)> _lines = new();
    private readonly string _command;
    private readonly string _configPath;
    private Process _process;

    private CliProcess(string configPath, string command)
    {
        _configPath = configPath;
        _command = command;
        _process = Launch();
    }

    public IReadOnlyCollection<string> Lines => [.. _lines.Select(l => l.Text)];

    /// <summary>Every line with the UTC time it was read from the process's pipe.</summary>
    public IReadOnlyCollection<(DateTime At, string Text)> TimedLines => [.. _lines];

    /// <summary>The running (or last) process's id, e.g. to read its CPU time from /proc.</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <param name="command"><c>run</c> for the device, <c>receive</c> for the agency's receiver.</param>
    public static CliProcess Start(string configPath, string command = "run") => new(configPath, command);

    /// <summary>Starts the process again (after <see cref="KillAsync"/>) with the same arguments; earlier lines stay.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        _process.Dispose();
        _process = Launch();
    }

    private Process Launch()
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Cli, _command, "--config", _configPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start the edgeingest CLI");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public async Task WaitForAsync(Func<IReadOnlyCollection<string>, bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(Lines))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"the {_command} process exited ({_process.ExitCode}) before {what}:\n{string.Join('\n', Lines.TakeLast(30))}");
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"not within {timeout.TotalSeconds} s: {what}; last lines:\n{string.Join('\n', Lines.TakeLast(30))}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed, no DISCONNECT is sent.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue((DateTime.UtcNow, line));
        }
    }
}
