using EdgeIngest.Clips;

namespace EdgeIngest.Tests.Clips;

public sealed class SegmentRingTests : IDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow;
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeingest-ringunit-").FullName;

    [Fact]
    public void Ring_Over_Its_Bytes_Deletes_The_Oldest_Segments_And_Their_Files_First()
    {
        var ring = new SegmentRing(_folder, TimeSpan.FromHours(1), maxBytes: 250);
        var segments = Enumerable.Range(0, 4).Select(i => SegmentFile(i, bytes: 100)).ToArray();

        foreach (var segment in segments)
        {
            ring.Add(segment);
        }

        Assert.Equal([segments[2], segments[3]], ring.Snapshot());
        Assert.Equal(200, ring.Bytes);
        Assert.False(File.Exists(segments[0].Path));
        Assert.False(File.Exists(segments[1].Path));
        Assert.True(File.Exists(segments[3].Path));
    }

    [Fact]
    public void Segment_Being_Cut_Leaves_The_Ring_On_Time_But_Its_File_Stays_Until_The_Cut_Is_Done()
    {
        var ring = new SegmentRing(_folder, TimeSpan.FromHours(1), maxBytes: 150);
        var first = SegmentFile(0, bytes: 100);
        ring.Add(first);
        var lease = ring.Lease(T0, T0 + TimeSpan.FromSeconds(1));

        ring.Add(SegmentFile(1, bytes: 100));

        Assert.DoesNotContain(first, ring.Snapshot());
        Assert.True(File.Exists(first.Path));
        lease.Dispose();
        Assert.False(File.Exists(first.Path));
    }

    [Fact]
    public void Lease_Takes_Exactly_The_Segments_Overlapping_The_Span()
    {
        var ring = new SegmentRing(_folder, TimeSpan.FromHours(1), maxBytes: 10_000);
        var segments = Enumerable.Range(0, 5).Select(i => SegmentFile(i, bytes: 10)).ToArray();
        foreach (var segment in segments)
        {
            ring.Add(segment);
        }

        using var lease = ring.Lease(T0 + TimeSpan.FromSeconds(2.5), T0 + TimeSpan.FromSeconds(6));

        Assert.Equal([segments[1], segments[2]], lease.Segments);
    }

    [Theory]
    [InlineData("r00001-000003.ts,6.233333,8.233333", "r00001-000003.ts", 2.0)]
    [InlineData("r00002-000000.ts,0.000000,2.866667\r", "r00002-000000.ts", 2.866667)]
    public void Segment_List_Line_From_Ffmpeg_Gives_The_File_And_Its_Duration(string line, string file, double seconds)
    {
        Assert.True(SegmentListLine.TryParse(line, out var parsed));
        Assert.Equal(file, parsed.Value.FileName);
        Assert.Equal(seconds, parsed.Value.Duration.TotalSeconds, 3);
    }

    [Fact]
    public void Segments_Of_One_Run_Tile_Time_And_The_First_Never_Starts_Before_Ffmpeg_Did()
    {
        var timing = new SegmentTiming(runStartedAt: T0);

        var first = timing.StartOfNext(T0 + TimeSpan.FromSeconds(2), listedDuration: TimeSpan.FromSeconds(2.5));
        var second = timing.StartOfNext(T0 + TimeSpan.FromSeconds(4.1), listedDuration: TimeSpan.FromSeconds(2));

        Assert.Equal(T0, first);
        Assert.Equal(T0 + TimeSpan.FromSeconds(2), second);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Segment i spans [2i, 2i+2) s after T0, backed by a real file of the given size.</summary>
    private Segment SegmentFile(int i, int bytes)
    {
        var path = Path.Combine(_folder, $"r00001-{i:D6}.ts");
        File.WriteAllBytes(path, new byte[bytes]);
        return new Segment(path, T0 + TimeSpan.FromSeconds(2 * i), T0 + TimeSpan.FromSeconds((2 * i) + 2), bytes);
    }
}
