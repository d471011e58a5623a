using System.Globalization;

namespace EdgeIngest.Cameras;

/// <summary>
/// A process's start time as the kernel records it (/proc/PID/stat field 22, clock ticks since
/// boot). A pid and its start time together name one process for good: a pid reused by a later
/// process has a later start time, so a noted child is never confused with a stranger.
/// </summary>
internal static class ProcessStartTime
{
    /// <summary>The start time of <paramref name="pid"/>, or null when no such process exists (or /proc is unreadable).</summary>
    public static long? Of(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count fields from
        // the last ')'; the state is field 3, the start time field 22.
        var afterName = stat.AsSpan(stat.LastIndexOf(')') + 1).Trim();
        var field = 3;
        foreach (var range in afterName.Split(' '))
        {
            if (field == 22)
            {
                return long.TryParse(afterName[range], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
            }

            field++;
        }

        return null;
    }
}
