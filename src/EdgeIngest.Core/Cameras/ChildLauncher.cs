using System.Collections.Concurrent;
using System.Diagnostics;

namespace EdgeIngest.Cameras;

/// <summary>
/// Starts every ffmpeg child so that it dies with the service, even by SIGKILL: through
/// util-linux's <c>setpriv --pdeathsig KILL --</c> (it sets PR_SET_PDEATHSIG, then execs ffmpeg
/// under the same pid), from one dedicated thread that lives as long as the process.
/// </summary>
/// <remarks>
/// The kernel sends the death signal when the <em>thread</em> that forked the child exits, not
/// the process, and .NET forks on the thread that calls <see cref="Process.Start()"/>. A
/// thread-pool thread retires after some idle seconds, which would kill a healthy ffmpeg; the
/// launcher thread never exits before the process does. Where setpriv is missing the child is
/// started plainly (the leftover checks at start still find a recorder left behind).
/// </remarks>
internal static class ChildLauncher
{
    public const string SetprivPath = "/usr/bin/setpriv";

    private static readonly BlockingCollection<Launch> Pending = [];
    private static readonly Thread Launcher = StartLauncherThread();

    /// <summary>Whether children get the death signal (setpriv is installed).</summary>
    public static bool DiesWithParent { get; } = File.Exists(SetprivPath);

    /// <summary>The managed id of the thread that forks every child (for the test that proves it is one long-lived thread).</summary>
    public static int LauncherThreadId => Launcher.ManagedThreadId;

    /// <summary>Wraps the start info in setpriv (when present) and starts it on the launcher thread; throws what <see cref="Process.Start()"/> throws.</summary>
    public static void Start(Process process)
    {
        WrapInSetpriv(process.StartInfo);
        OnLauncherThread(process.Start);
    }

    /// <summary>
    /// Runs <paramref name="start"/> on the launcher thread and returns its result; for a library
    /// that starts its child itself, synchronously, before its first await (FFMpegCore's
    /// <c>FFProbe.AnalyseAsync</c> does: the task it returns is already running the child).
    /// </summary>
    public static T OnLauncherThread<T>(Func<T> start)
    {
        var result = default(T);
        var launch = new Launch(() => result = start());
        Pending.Add(launch);
        launch.Done.Task.GetAwaiter().GetResult();
        return result!;
    }

    private static void WrapInSetpriv(ProcessStartInfo startInfo)
    {
        if (!DiesWithParent)
        {
            return;
        }

        var arguments = startInfo.ArgumentList.ToArray();
        startInfo.ArgumentList.Clear();
        foreach (var argument in (string[])["--pdeathsig", "KILL", "--", startInfo.FileName, .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.FileName = SetprivPath;
    }

    private static Thread StartLauncherThread()
    {
        var thread = new Thread(LaunchForever) { IsBackground = true, Name = "child launcher" };
        thread.Start();
        return thread;
    }

    private static void LaunchForever()
    {
        foreach (var launch in Pending.GetConsumingEnumerable())
        {
            try
            {
                launch.Start();
                launch.Done.SetResult();
            }
            catch (Exception e)
            {
                launch.Done.SetException(e);
            }
        }
    }

    private sealed class Launch(Action start)
    {
        public Action Start { get; } = start;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
