using System.Diagnostics;
using System.Globalization;

namespace EdgeIngest.Clips;

/// <summary>
/// Finds and stops an ffmpeg that an earlier appliance process left recording into a camera's
/// segment folder. After a crash or SIGKILL the recorder does not die with us: .NET ignores
/// SIGPIPE and children inherit that, so its closed stdout never stops it, and it would go on
/// filling the RAM folder beside the new recorder, unbounded. Each recorder notes its ffmpeg's
/// pid in a file beside the folder (the folder holds only segments); at start, a noted process is
/// stopped if and only if its command line still names ffmpeg and this folder (a pid reused by an
/// unrelated process is left alone).
/// </summary>
internal static class StaleRecorder
{
    public static void Remember(string folder, int pid)
    {
        var path = PidFile(folder);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, pid.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Stops the noted ffmpeg if it is still recording here; returns its pid, or null when there was none.</summary>
    public static int? StopLeftBehind(string folder)
    {
        var path = PidFile(folder);
        if (!File.Exists(path) || !int.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        File.Delete(path);
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
