namespace EdgeIngest.Publishing;

/// <summary>
/// Delays between connection attempts: doubling from <c>min</c> up to <c>max</c>, each drawn at
/// random from its upper half ("equal jitter"), so that a fleet of devices that lost the same broker
/// does not come back in lock-step.
/// </summary>
public sealed class ConnectBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private TimeSpan _ceiling;

    public ConnectBackoff(TimeSpan min, TimeSpan max, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        _min = min;
        _max = max;
        _random = random ?? Random.Shared;
        _ceiling = min;
    }

    /// <summary>Failed attempts since the last <see cref="Reset"/>.</summary>
    public int Failures { get; private set; }

    public TimeSpan Next()
    {
        var ceiling = _ceiling;
        _ceiling = TimeSpan.FromTicks(Math.Min(_ceiling.Ticks * 2, _max.Ticks));
        Failures++;
        return TimeSpan.FromTicks((ceiling.Ticks / 2) + _random.NextInt64((ceiling.Ticks / 2) + 1));
    }

    public void Reset()
    {
        _ceiling = _min;
        Failures = 0;
    }
}
