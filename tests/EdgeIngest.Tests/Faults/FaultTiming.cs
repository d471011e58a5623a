namespace EdgeIngest.Tests.Faults;

/// <summary>The suite's bounds, and when a process first logged something after a moment.</summary>
internal static class FaultTiming
{
    /// <summary>A hit comes every 6.5 s; a restarted service takes a few seconds more to read one.</summary>
    public static readonly TimeSpan HitPatience = TimeSpan.FromSeconds(60);

    /// <summary>After the last fault, everything queued must be stored within this, or the scenario fails with its figures.</summary>
    public static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(120);

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Seconds from <paramref name="since"/> to the first line after it that contains <paramref name="text"/>; null if none yet.</summary>
    public static double? SecondsUntil(Infrastructure.CliProcess process, DateTime since, string text)
    {
        foreach (var (at, line) in process.TimedLines)
        {
            if (at >= since && line.Contains(text, StringComparison.Ordinal))
            {
                return (at - since).TotalSeconds;
            }
        }

        return null;
    }

    /// <summary>Waits (bounded) for such a line and returns its delay, or the bound if it never came.</summary>
    public static async Task<double> WaitSecondsUntilAsync(Infrastructure.CliProcess process, DateTime since, string text, TimeSpan bound)
    {
        while (SecondsUntil(process, since, text) is null && DateTime.UtcNow - since < bound)
        {
            await Task.Delay(50, Cancellation);
        }

        return SecondsUntil(process, since, text) ?? bound.TotalSeconds;
    }
}
