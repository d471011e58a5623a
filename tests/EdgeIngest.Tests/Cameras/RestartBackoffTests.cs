using EdgeIngest.Cameras;

namespace EdgeIngest.Tests.Cameras;

public sealed class RestartBackoffTests
{
    [Fact]
    public void Delay_Doubles_From_One_Second_Within_Jitter_Up_To_The_Cap_And_Resets_After_Streaming()
    {
        var backoff = new RestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        double[] nominal = [1, 2, 4, 8, 16, 30, 30];
        foreach (var seconds in nominal)
        {
            Assert.InRange(backoff.NextDelay().TotalSeconds, seconds * 0.8, Math.Min(seconds * 1.2, 30));
        }

        backoff.Reset();
        Assert.InRange(backoff.NextDelay().TotalSeconds, 0.8, 1.2);
    }
}
