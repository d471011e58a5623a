using System.Collections.Concurrent;
using System.Diagnostics;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// The real CLI as a separate process (<c>dotnet edgeingest.dll run|receive --config FILE</c>), its
/// console lines collected as they come, so a test can wait for a log line and then kill it with
/// SIGKILL, as a power cut or an OOM kill would.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string _command;

    private CliProcess(Process process, string command)
    {
        _process = process;
        _command = command;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyCollection<string> Lines => [.. _lines];

    public int ProcessId => _process.Id;

    /// <param name="command"><c>run</c> for the device, <c>receive</c> for the agency's receiver.</param>
    public static CliProcess Start(string configPath, string command = "run")
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Cli, command, "--config", configPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new CliProcess(Process.Start(startInfo) ?? throw new InvalidOperationException("could not start the edgeingest CLI"), command);
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
            _lines.Enqueue(line);
        }
    }
}
