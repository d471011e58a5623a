using System.Diagnostics;
using System.Globalization;
using EdgeIngest.Clips;
using EdgeIngest.Recordings;
using EdgeIngest.Tests.Clips;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Recordings;

/// <summary>
/// What keeping the recording on disk costs, and whether a hit clip cut from the disk copy is as
/// quick as one cut from the RAM ring (the figures in src/EdgeIngest.Core/Recordings/README.md).
/// Segments of a 4 Mbit/s 720p stream (≈1 MB per 2 s), in /dev/shm as the recorder writes them.
/// </summary>
public sealed class RecordingCostTests : IDisposable
{
    private const int Segments = 8;
    private readonly InMemoryLoggerProvider _logs = new();
    private readonly string _ring = Directory.CreateDirectory(
        Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "edgeingest-cost-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    private readonly string _disk = Directory.CreateTempSubdirectory("edgeingest-cost-").FullName;

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_ring, recursive: true);
        Directory.Delete(_disk, recursive: true);
    }

    [Fact]
    public async Task Copying_A_Segment_To_Disk_Costs_Little_And_A_Clip_Cuts_As_Quickly_From_Disk_As_From_RAM()
    {
        var ring = await EncodeSegmentsAsync();
        var recording = FootageRecording.Open(Path.Combine(_disk, "recordings"), ["cost"], 1L << 30, () => TimeSpan.FromHours(72), _logs.CreateLogger("recording"));

        var written = WriteBytes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var copies = new List<double>();
        foreach (var segment in ring)
        {
            var clock = Stopwatch.StartNew();
            recording.Keep("cost", segment);
            copies.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cpuPerSegment = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / ring.Count;
        var writtenBytes = WriteBytes() - written;
        var ringBytes = ring.Sum(s => s.Bytes);
        var onDisk = recording.Segments("cost", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)
            .Select(s => new Segment(s.Path, s.StartsAt, s.EndsAt, s.Bytes)).ToList();
        Assert.Equal(ring.Count, onDisk.Count);

        // The same cut (8 segments → MP4), alternately from the RAM ring and from the disk copies.
        var options = new ClipOptions { SegmentRoot = _ring, ClipDirectory = Path.Combine(_disk, "clips") };
        var recorder = new SegmentRecorder(RecordingCameraFixture.CameraOptionsFor("rtsp://127.0.0.1:9/none", "cost"), options, _logs.CreateLogger("recorder"));
        var cutter = new ClipCutter([recorder], options, _logs.CreateLogger("clips"));
        var from = ring[0].StartsAt;
        var to = ring[^1].EndsAt;
        var fromRam = new List<double>();
        var fromDisk = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            fromRam.Add(await TimeCutAsync(cutter, ring, from, to));
            fromDisk.Add(await TimeCutAsync(cutter, onDisk, from, to));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{ring.Count} segments, {ringBytes / ring.Count} bytes each: copy+fsync+rename {copies.Average():F1} ms mean, {copies.Max():F1} ms max, "
            + $"{cpuPerSegment:F2} ms CPU per segment; written to disk {writtenBytes} bytes for {ringBytes} recorded; "
            + $"clip of {ring.Count} segments cut in {Median(fromRam):F0} ms from RAM, {Median(fromDisk):F0} ms from disk (medians of 5)"));

        // Bounds a healthy disk meets with room to spare on a loaded 2-core machine; the figures are what matter.
        Assert.InRange(copies.Average(), 0, 250);
        Assert.InRange(Median(fromDisk), 0, (Median(fromRam) * 3) + 500);
    }

    private async Task<double> TimeCutAsync(ClipCutter cutter, IReadOnlyList<Segment> segments, DateTimeOffset from, DateTimeOffset to)
    {
        var clock = Stopwatch.StartNew();
        var clip = await cutter.CutFromLeftoversAsync("cost", segments, from, to, TestContext.Current.CancellationToken);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Assert.Equal(segments.Count, clip.Segments);
        File.Delete(clip.Path);
        return elapsed;
    }

    /// <summary>Segments as the recorder makes them (MPEG-TS, 2 s, H.264), back to back, with spans ending now.</summary>
    private async Task<List<Segment>> EncodeSegmentsAsync()
    {
        await ProcessRunner.RunCheckedAsync(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=15", "-t", (Segments * 2).ToString(CultureInfo.InvariantCulture),
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "4M", "-g", "15",
                "-f", "segment", "-segment_time", "2", "-segment_format", "mpegts", "-reset_timestamps", "1",
                Path.Combine(_ring, "r00001-%06d.ts"),
            ],
            TimeSpan.FromSeconds(60));
        var files = Directory.GetFiles(_ring, "*.ts").Order(StringComparer.Ordinal).ToArray();
        var start = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2 * files.Length);
        return [.. files.Select((path, i) => new Segment(path, start + TimeSpan.FromSeconds(2 * i), start + TimeSpan.FromSeconds(2 * (i + 1)), new FileInfo(path).Length))];
    }

    /// <summary>Bytes this process caused to be written to storage (/proc/self/io).</summary>
    private static long WriteBytes() =>
        long.Parse(
            File.ReadLines("/proc/self/io").First(line => line.StartsWith("write_bytes:", StringComparison.Ordinal))["write_bytes:".Length..].Trim(),
            CultureInfo.InvariantCulture);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
