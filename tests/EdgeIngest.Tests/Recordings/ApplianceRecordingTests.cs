using EdgeIngest.Configuration;
using EdgeIngest.Pipeline;
using EdgeIngest.Tests.EndToEnd;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Recordings;

/// <summary>The appliance as the service runs it: its camera is recorded to disk under the storage folder.</summary>
public sealed class ApplianceRecordingTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    [Fact]
    public async Task The_Running_Appliance_Records_Its_Camera_To_Disk_And_Finds_The_Recording_Again_After_A_Restart()
    {
        using var workspace = new ApplianceWorkspace("plate,reason,priority\nZZZ999,Test,low\n");
        // No broker: the recording does not depend on the agency link.
        var config = ConfigLoader.Load(workspace.WriteConfig(MosquittoBroker.FreeLoopbackPort(), [("gate", cameras.Simulator.UrlFor("/cam1"))]));
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        IReadOnlyList<EdgeIngest.Recordings.RecordedSegment> recorded;
        await using (var appliance = Appliance.Create(config, loggers))
        {
            using var stop = new CancellationTokenSource();
            var running = appliance.RunAsync(stop.Token);
            await Eventually.HoldsAsync(
                () => appliance.Recording.Segments("gate", DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count >= 3,
                TimeSpan.FromSeconds(60),
                () => $"recording {string.Join(", ", appliance.RecordingStatus)}; recorders {string.Join(", ", appliance.Recorders.Select(r => r.GetStatus()))}");

            appliance.LogHealth();
            Assert.Contains(logs.Lines, line => line.Message.StartsWith("Health gate recording: ", StringComparison.Ordinal));
            Assert.Contains("gate", appliance.Recording.Cameras);
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            recorded = appliance.Recording.Segments("gate", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        }

        var folder = Path.Combine(workspace.Directory, "data", "recordings", "gate");
        Assert.Equal(recorded.Select(s => s.Path).Order(StringComparer.Ordinal), Directory.GetFiles(folder).Order(StringComparer.Ordinal));
        foreach (var segment in recorded)
        {
            Assert.Equal("", await MediaFile.ErrorsAsync(segment.Path));
        }

        // A stop closes and keeps the segment in progress: the next start finds every one, before it records anything.
        await using var restarted = Appliance.Create(config, loggers);
        Assert.Equal(recorded, restarted.Recording.Segments("gate", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(recorded[0].StartsAt, restarted.Recording.OldestAt("gate"));
        Assert.Equal(recorded[^1].EndsAt, restarted.Recording.NewestAt("gate"));
    }
}
