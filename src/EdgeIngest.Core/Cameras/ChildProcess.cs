using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EdgeIngest.Cameras;

/// <summary>
/// An ffmpeg or ffprobe child: arguments passed as a list (no shell), stdout as a raw stream,
/// stderr delivered line by line. stdin either carries a script (<see cref="CameraInputScript"/>)
/// and is closed, and then the child is asked to quit with SIGTERM (ffmpeg ends its outputs as
/// for <c>q</c>), or it is kept open so the child can be asked to quit with <c>q</c>. Started
/// through <see cref="ChildLauncher"/>, so it dies with the service. Disposing stops it
/// (politely, then by force after a bound) and reaps it, so none is left behind.
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly bool _quitBySignal;

    private ChildProcess(Process process, bool quitBySignal)
    {
        _process = process;
        _quitBySignal = quitBySignal;
    }

    public int Id => _process.Id;

    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <param name="standardInput">Written to the child's stdin, which is then closed; null keeps stdin open for <c>q</c>.</param>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, Action<string> onStderrLine, string? standardInput = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                onStderrLine(line);
            }
        };

        try
        {
            ChildLauncher.Start(process);
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            WriteAndClose(process, standardInput);
        }

        return new ChildProcess(process, quitBySignal: standardInput is not null);
    }

    /// <summary>Waits for exit (and for stderr to be fully read); false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(timer.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Kills at once (a stalled ffmpeg will not answer <c>q</c>).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>
    /// Asks ffmpeg to quit (<c>q</c> on stdin) while someone else keeps reading its stdout, and
    /// kills it if it has not exited within <paramref name="grace"/>.
    /// </summary>
    public async Task QuitAsync(TimeSpan grace)
    {
        RequestQuit();
        if (!await WaitForExitAsync(grace).ConfigureAwait(false))
        {
            Kill();
        }
    }

    /// <summary>
    /// Stops it when nobody reads its stdout any more: asks it to quit, drains its output so it is
    /// not blocked writing, kills it after <paramref name="grace"/>, and reaps it.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            using var drainStop = new CancellationTokenSource();
            var drain = DrainStandardOutputAsync(drainStop.Token);
            await QuitAsync(grace).ConfigureAwait(false);
            await drainStop.CancelAsync().ConfigureAwait(false);
            await drain.ConfigureAwait(false);
        }

        // Reaps the child and waits for the stderr reader to finish.
        await WaitForExitAsync(grace).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(DefaultGrace).ConfigureAwait(false);
        _process.Dispose();
    }

    private static void WriteAndClose(Process process, string text)
    {
        try
        {
            process.StandardInput.Write(text);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It exited before reading its input; its exit code and stderr say why.
        }
    }

    private void RequestQuit()
    {
        if (_quitBySignal)
        {
            // Its stdin carried the script: SIGTERM is how it is asked to finish (exit code 255).
            if (!_process.HasExited)
            {
                _ = SendSignal(_process.Id, SigTerm);
            }

            return;
        }

        try
        {
            _process.StandardInput.Write('q');
            _process.StandardInput.Flush();
            _process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Its stdin is already closed: it is on its way out.
        }
    }

    private async Task DrainStandardOutputAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StandardOutput.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Draining is best effort; the process is going away.
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
