using System.Diagnostics;

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
}
