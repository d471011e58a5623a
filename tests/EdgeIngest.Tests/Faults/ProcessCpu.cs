using System.Globalization;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// A process's own CPU time (user + system, its threads included, its children not) from
/// /proc/PID/stat, so a scenario can say what share of one core a process used over a window.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>USER_HZ: /proc reports clock ticks of 1/100 s on every Linux architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Read(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }

    /// <summary>The share of one core (0–1 per core) the process used between two readings.</summary>
    public static double ShareOfOneCore(TimeSpan cpuBefore, TimeSpan cpuAfter, TimeSpan wall) =>
        (cpuAfter - cpuBefore).TotalSeconds / wall.TotalSeconds;
}
