using System.Diagnostics;
using System.Globalization;
using EdgeIngest.Cameras;

namespace EdgeIngest.Clips;

/// <summary>
/// Finds and stops an ffmpeg that an earlier appliance process left recording into a camera's
/// segment folder. After a crash or SIGKILL the recorder does not die with us: .NET ignores
/// SIGPIPE and children inherit that, so its closed stdout never stops it, and it would go on
/// filling the RAM folder beside the new recorder, unbounded. Each recorder notes its ffmpeg's
/// pid and start time in a file beside the folder (the folder holds only segments); at start, a
/// noted process is stopped if and only if it still has that start time and its command line
/// still names ffmpeg and this folder (a pid reused by another process is left alone). Children
/// started through <see cref="ChildLauncher"/> die with the service anyway; this catches the one
/// that outlived it where setpriv is missing, or that was forked in the instant before the
/// service died and had not yet asked for its death signal.
/// </summary>
internal static class StaleRecorder
{
    public static void Remember(string folder, int pid)
    {
        var path = PidFile(folder);
        var temporary = path + ".tmp";
        var startTime = ProcessStartTime.Of(pid);
        File.WriteAllText(temporary, startTime is { } ticks ? string.Create(CultureInfo.InvariantCulture, $"{pid} {ticks}") : pid.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Stops the noted ffmpeg if it is still recording here; returns its pid, or null when there was none.</summary>
    public static int? StopLeftBehind(string folder)
    {
        var path = PidFile(folder);
        if (!File.Exists(path))
        {
            return null;
        }

        var noted = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        File.Delete(path);
        if (noted.Length == 0 || !int.TryParse(noted[0], CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        // A file from before start times were noted has the pid alone: the command line decides.
        if (noted.Length > 1 && (!long.TryParse(noted[1], CultureInfo.InvariantCulture, out var startTime) || ProcessStartTime.Of(pid) != startTime))
        {
            return null;
        }

        if (!IsFfmpegRecordingInto(pid, folder))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(5));
            return pid;
        }
        catch (ArgumentException)
        {
            return null; // exited between the check and the kill
        }
    }

    /// <summary>After a clean stop there is nothing to find next time (the folder may be gone already: a cleared tmpfs).</summary>
    public static void Forget(string folder)
    {
        try
        {
            File.Delete(PidFile(folder));
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing left to forget.
        }
    }

    private static string PidFile(string folder) => Path.TrimEndingDirectorySeparator(folder) + ".ffmpeg.pid";

    private static bool IsFfmpegRecordingInto(int pid, string folder)
    {
        string commandLine;
        try
        {
            commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return false;
        }

        return commandLine.Contains("ffmpeg", StringComparison.Ordinal) && commandLine.Contains(folder, StringComparison.Ordinal);
    }
}
