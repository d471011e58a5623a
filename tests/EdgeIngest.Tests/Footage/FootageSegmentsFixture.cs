using System.Globalization;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Footage;

/// <summary>
/// Real MPEG-TS segments made once by ffmpeg (x264, 2 s each, as the recorder's segment muxer
/// writes them), for the footage tests to keep in a real recording.
/// </summary>
public sealed class FootageSegmentsFixture : IAsyncLifetime
{
    public const int SegmentCount = 8;

    public string Folder { get; } = Directory.CreateTempSubdirectory("edgeingest-footage-segments-").FullName;

    public IReadOnlyList<string> Files { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var result = await ProcessRunner.RunAsync(
            "ffmpeg",
            ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=15", "-t", (2 * SegmentCount).ToString(CultureInfo.InvariantCulture),
             "-c:v", "libx264", "-preset", "ultrafast", "-g", "15", "-f", "segment", "-segment_time", "2", "-segment_format", "mpegts", "-reset_timestamps", "1",
             Path.Combine(Folder, "r00001-%06d.ts")],
            TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"ffmpeg could not make the test segments: {result.StandardError}");
        Files = [.. Directory.GetFiles(Folder, "*.ts").Order(StringComparer.Ordinal)];
        Assert.True(Files.Count == SegmentCount, $"ffmpeg made {Files.Count} segments, expected {SegmentCount}");
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
