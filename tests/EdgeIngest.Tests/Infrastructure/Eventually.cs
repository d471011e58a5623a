using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a bound passes (then fails with a description).</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"not within {timeout.TotalSeconds} s: {describe()}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Like <see cref="HoldsAsync(Func{bool}, TimeSpan, Func{string})"/>, but moves
    /// <paramref name="clock"/> on by <paramref name="step"/> each time the condition does not hold
    /// yet: the timers under test (backoff, heartbeat) fire at once, while real work (a connection
    /// attempt) takes its real time; <paramref name="timeout"/> is real time.
    /// </summary>
    public static async Task HoldsAdvancingAsync(Func<bool> condition, FakeTimeProvider clock, TimeSpan step, TimeSpan timeout, Func<string> describe)
    {
        var real = Stopwatch.StartNew();
        while (!condition())
        {
            if (real.Elapsed > timeout)
            {
                Assert.Fail($"not within {timeout.TotalSeconds} s (the fake clock at {clock.GetUtcNow():O}): {describe()}");
            }

            clock.Advance(step);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
