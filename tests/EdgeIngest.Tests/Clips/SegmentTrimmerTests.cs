using EdgeIngest.Clips;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Clips;

/// <summary>The ring's age bound, kept by the trimmer while no segment arrives, on a fake clock.</summary>
public sealed class SegmentTrimmerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>How far the fake clock moves per poll: well under the trim interval.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeingest-trimmer-").FullName;

    [Fact]
    public async Task Segments_Older_Than_The_Age_Bound_Leave_The_Ring_And_The_Disk_Within_A_Trim_Interval_And_Not_Before()
    {
        var clock = new FakeTimeProvider(T0 + TimeSpan.FromSeconds(8));
        var ring = new SegmentRing(_folder, MaxAge, maxBytes: 1_000_000, clock);
        var segments = Enumerable.Range(0, 4).Select(SegmentFile).ToArray(); // ending at T0 + 2, 4, 6, 8 s
        foreach (var segment in segments)
        {
            ring.Add(segment);
        }

        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        var trimmer = new SegmentTrimmer("gate", ring, loggers.CreateLogger("EdgeIngest.Clips"), clock);
        await using (trimmer)
        {
            trimmer.Start();

            // The first segment (ending at T0 + 2 s) passes its age bound at T0 + 12 s.
            await Eventually.HoldsAdvancingAsync(() => ring.Snapshot().Count < 4, clock, Step, Patience, () => $"the ring still holds {ring.Snapshot().Count} segments");
            AssertTrimmedWithinAnInterval(clock, T0 + TimeSpan.FromSeconds(12));
            Assert.Equal(segments[1..], ring.Snapshot());
            Assert.False(File.Exists(segments[0].Path), "the aged-out segment's file is still on disk");

            // Those ending at 4 s and 6 s are out by T0 + 16 s; the one ending at 8 s stays until T0 + 18 s.
            await Eventually.HoldsAdvancingAsync(() => ring.Snapshot().Count < 2, clock, Step, Patience, () => $"the ring still holds {ring.Snapshot().Count} segments");
            AssertTrimmedWithinAnInterval(clock, T0 + TimeSpan.FromSeconds(16));
            Assert.Equal([segments[3]], ring.Snapshot());
            Assert.True(File.Exists(segments[3].Path));

            await trimmer.StopAsync();
            Assert.True(trimmer.HasEnded, "the trimmer's loop did not end at its stop");
        }

        // Stopped: time passes, nothing is trimmed any more.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([segments[3]], ring.Snapshot());
        Assert.DoesNotContain(logs.Lines, line => line.EventId is 90 or 91);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The trim came after the segment aged out, and at most one trim interval (plus the polls' steps) later.</summary>
    private static void AssertTrimmedWithinAnInterval(FakeTimeProvider clock, DateTimeOffset agedOutAt)
    {
        var now = clock.GetUtcNow();
        Assert.True(now > agedOutAt, $"trimmed at {now:O}, before the segment aged out at {agedOutAt:O}");
        Assert.True(now <= agedOutAt + SegmentTrimmer.Interval + (5 * Step), $"trimmed at {now:O}, more than a trim interval after the segment aged out at {agedOutAt:O}");
    }

    /// <summary>Segment i spans [2i, 2i+2) s after T0, backed by a real 100-byte file.</summary>
    private Segment SegmentFile(int i)
    {
        var path = Path.Combine(_folder, $"r00001-{i:D6}.ts");
        File.WriteAllBytes(path, new byte[100]);
        return new Segment(path, T0 + TimeSpan.FromSeconds(2 * i), T0 + TimeSpan.FromSeconds((2 * i) + 2), 100);
    }
}
