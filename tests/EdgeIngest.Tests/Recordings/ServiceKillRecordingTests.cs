using System.Globalization;
using EdgeIngest.Tests.EndToEnd;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Recordings;

/// <summary>The real service (<c>edgeingest run</c>) killed with SIGKILL mid-segment and started again on the same folder.</summary>
public sealed class ServiceKillRecordingTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    private const double SegmentSeconds = 2;

    [Fact]
    public async Task Service_Killed_With_Sigkill_Loses_At_Most_The_Segment_Being_Written()
    {
        using var workspace = new ApplianceWorkspace("plate,reason,priority\nZZZ999,Test,low\n");
        var config = workspace.WriteConfig(MosquittoBroker.FreeLoopbackPort(), [("gate", cameras.Simulator.UrlFor("/cam2"))]);
        File.AppendAllText(config, "console:\n  enabled: false\n");
        var folder = Path.Combine(workspace.Directory, "data", "recordings", "gate");
        await using var service = CliProcess.Start(config);
        await WaitForSegmentsAsync(service, folder, count: 3, after: DateTimeOffset.MinValue);
        var beforeKill = Spans(folder);
        await Task.Delay(1000, TestContext.Current.CancellationToken); // mid-segment

        await service.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        await service.RestartAsync();
        await WaitForSegmentsAsync(service, folder, count: 2, after: killedAt);

        var after = Spans(folder);
        Assert.DoesNotContain(Directory.GetFiles(folder), path => path.EndsWith(".part", StringComparison.Ordinal));
        Assert.All(beforeKill, span => Assert.Contains(span, after));
        var lastBeforeKill = after.Where(span => span.End <= killedAt).Max(span => span.End);
        var lost = killedAt - lastBeforeKill;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recording ends {lost.TotalSeconds:F2} s before the kill"));
        // At most the segment being written (one segment length, cut at the next keyframe: the demo's GOP is 1 s).
        Assert.InRange(lost.TotalSeconds, 0, SegmentSeconds + 1);
        Assert.All(after.Zip(after.Skip(1)), pair => Assert.True(pair.Second.Start >= pair.First.End, $"{pair.First} overlaps {pair.Second}"));
    }

    private static async Task WaitForSegmentsAsync(CliProcess service, string folder, int count, DateTimeOffset after) =>
        await service.WaitForAsync(
            _ => Directory.Exists(folder) && Spans(folder).Count(span => span.Start >= after) >= count,
            TimeSpan.FromSeconds(90),
            $"{count} segments recorded in {folder} after {after:O}");

    /// <summary>The spans the file names hold, oldest first.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Spans(string folder) =>
    [
        .. Directory.GetFiles(folder, "*.ts")
            .Select(path => Path.GetFileNameWithoutExtension(path).Split('-'))
            .Select(parts => (
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[0], CultureInfo.InvariantCulture)),
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture))))
            .OrderBy(span => span.Item1),
    ];
}
