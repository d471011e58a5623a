using EdgeIngest.Clips;
using EdgeIngest.Recordings;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Recordings;

/// <summary>
/// A temp folder with a stand-in RAM ring (<c>ring/</c>) and a recording (<c>recordings/</c>), a
/// fake clock and a recording audit trail; opens the recording as a start would. Deleted on dispose.
/// </summary>
internal sealed class RecordingFolder : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private int _ringFiles;

    public RecordingFolder()
    {
        Root = Directory.CreateTempSubdirectory("edgeingest-recording-").FullName;
        Directory.CreateDirectory(Ring);
    }

    public string Root { get; }

    public string Ring => Path.Combine(Root, "ring");

    public string Recordings => Path.Combine(Root, "recordings");

    public FakeTimeProvider Clock { get; } = new(Start);

    public InMemoryLoggerProvider Logs { get; } = new();

    public RecordingAuditTrail Audit { get; } = new();

    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(72);

    public FootageRecording Open(long maxBytes = 1L << 30, params string[] cameras) =>
        FootageRecording.Open(Recordings, cameras, maxBytes, () => Retention, Logs.CreateLogger("recording"), Clock);

    public RecordingPurger Purger(FootageRecording recording) => new(recording, Audit, Logs.CreateLogger("purger"), Clock);

    /// <summary>A ring segment file of <paramref name="bytes"/> bytes spanning [from, from + seconds).</summary>
    public Segment RingSegment(DateTimeOffset from, double seconds = 2, int bytes = 1000)
    {
        var path = Path.Combine(Ring, $"r00001-{++_ringFiles:D6}.ts");
        File.WriteAllBytes(path, new byte[bytes]);
        return new Segment(path, from, from + TimeSpan.FromSeconds(seconds), bytes);
    }

    /// <summary>Keeps <paramref name="count"/> back-to-back 2 s segments from <paramref name="from"/>.</summary>
    public void KeepRun(FootageRecording recording, string camera, DateTimeOffset from, int count, int bytes = 1000)
    {
        for (var i = 0; i < count; i++)
        {
            recording.Keep(camera, RingSegment(from + TimeSpan.FromSeconds(2 * i), bytes: bytes));
        }
    }

    public string CameraFolder(string camera) => Path.Combine(Recordings, camera);

    public string[] FileNames(string camera) =>
        [.. Directory.EnumerateFiles(CameraFolder(camera)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        Logs.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
