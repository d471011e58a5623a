namespace EdgeIngest.Cameras;

/// <summary>
/// Exponential restart delay with ±20 % jitter (so cameras that fail together do not retry in
/// lock-step): initial, ×2 per consecutive failure, capped.
/// </summary>
internal sealed class RestartBackoff(TimeSpan initial, TimeSpan max)
{
    private const double Jitter = 0.2;

    private int _consecutiveFailures;

    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(_consecutiveFailures, 30);
        _consecutiveFailures++;
        var delay = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        var jittered = delay * (1 + (((Random.Shared.NextDouble() * 2) - 1) * Jitter));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, max.TotalMilliseconds));
    }

    /// <summary>After a run that streamed, the next failure starts from the initial delay again.</summary>
    public void Reset() => _consecutiveFailures = 0;
}
