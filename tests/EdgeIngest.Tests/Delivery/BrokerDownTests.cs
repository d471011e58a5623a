using System.Diagnostics;
using System.Globalization;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;

namespace EdgeIngest.Tests.Delivery;

/// <summary>
/// The device's connection while the broker is down: it retries without spinning, names the cause
/// (connection refused), and is back soon after the broker returns. Measured on the whole test
/// process, so it runs alone; the figures are printed, the bounds asserted are generous
/// (the targets are under 5 % of a core and within 2 s).
/// </summary>
[Collection(nameof(MeasuresWholeProcess))]
public sealed class BrokerDownTests
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task While_The_Broker_Is_Down_The_Device_Idles_Names_The_Refusal_And_Is_Back_Soon_After_It_Returns()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var folder = new OutboxFolder();
        await using var connection = new AgencyConnection(broker.ClientOptions("test-device"), OutboxFolder.Topics, folder.Logs.CreateLogger("EdgeIngest.Events"));
        connection.Start();
        await Eventually.HoldsAsync(() => connection.IsConnected, Patience, () => "the device did not connect");
        using var process = Process.GetCurrentProcess();
        var baseline = await CpuShareAsync(process, Down / 2);

        await broker.StopAsync();
        await Eventually.HoldsAsync(() => !connection.IsConnected, Patience, () => "the device did not notice the broker was gone");
        var attemptsBefore = folder.Logs.Lines.Count(l => l.EventId is 301 or 304);
        var cpuShare = await CpuShareAsync(process, Down);
        var attempts = folder.Logs.Lines.Count(l => l.EventId is 301 or 304) - attemptsBefore;

        await broker.RestartAsync();
        var back = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => connection.IsConnected, Patience, () => "the device did not reconnect");
        var reconnect = back.Elapsed;

        // The first attempt may still reach the broker while it closes ("ended before CONNACK");
        // each new cause is logged once, so the refusal follows as its own line.
        var causes = folder.Logs.Lines.Where(l => l.EventId == 301).Select(l => l.Message).ToList();
        var cause = causes.FirstOrDefault(c => c.Contains("connection refused", StringComparison.Ordinal)) ?? string.Join(" | ", causes);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"broker down {Down.TotalSeconds:0} s: whole test process CPU {cpuShare * 100:0.0} % of one core (with the broker up: {baseline * 100:0.0} %), {attempts} connect attempts; reconnected {reconnect.TotalMilliseconds:0} ms after the broker accepted connections again; logged cause: {cause}"));
        Assert.Contains("connection refused", cause, StringComparison.Ordinal);
        Assert.True(cpuShare < 0.20, $"the process used {cpuShare * 100:0.0} % of a core while the broker was down (target < 5 %)");
        Assert.True(reconnect < TimeSpan.FromSeconds(4), $"the device reconnected {reconnect.TotalSeconds:0.00} s after the broker's return (target 2 s)");
        Assert.InRange(attempts, 3, 60);
    }

    /// <summary>The process's CPU time over <paramref name="period"/> of wall time, as a share of one core.</summary>
    private static async Task<double> CpuShareAsync(Process process, TimeSpan period)
    {
        process.Refresh();
        var before = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.Delay(period, TestContext.Current.CancellationToken);
        process.Refresh();
        return (process.TotalProcessorTime - before) / wall.Elapsed;
    }
}
