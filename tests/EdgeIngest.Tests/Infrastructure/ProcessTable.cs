using System.Globalization;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>What <c>ps</c> would show, read straight from /proc: every process's command line and parent.</summary>
internal static class ProcessTable
{
    /// <summary>Every process whose command line this user can read: pid and arguments (joined by spaces).</summary>
    public static IEnumerable<(int Pid, string CommandLine)> CommandLines()
    {
        foreach (var pid in Pids())
        {
            if (CommandLine(pid) is { } commandLine)
            {
                yield return (pid, commandLine);
            }
        }
    }

    /// <summary>The direct children of <paramref name="parentPid"/> with their command lines.</summary>
    public static IEnumerable<(int Pid, string CommandLine)> ChildrenOf(int parentPid) =>
        CommandLines().Where(process => ParentOf(process.Pid) == parentPid);

    /// <summary>The arguments of <paramref name="pid"/>, joined by spaces; null when it is gone (or a zombie with none).</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            var raw = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return raw.Length == 0 ? null : raw.TrimEnd('\0').Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="pid"/> exists and is not a zombie (a dead child not yet reaped).</summary>
    public static bool IsRunning(int pid) => State(pid) is { } state && state != 'Z' && state != 'X';

    private static int? ParentOf(int pid) =>
        Stat(pid) is { } fields && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) ? parent : null;

    private static char? State(int pid) => Stat(pid) is { } fields ? fields[0][0] : null;

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] parent pid, ….</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);
}
