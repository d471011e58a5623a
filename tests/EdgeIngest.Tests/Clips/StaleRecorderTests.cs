using System.Diagnostics;
using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Clips;

/// <summary>An ffmpeg left recording by a crashed appliance must not keep filling the RAM ring beside the new recorder.</summary>
public sealed class StaleRecorderTests : IDisposable
{
    private readonly InMemoryLoggerProvider _logs = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeingest-stale-").FullName;

    [Fact]
    public async Task A_Recorder_Stops_The_Ffmpeg_An_Earlier_Process_Left_Recording_Into_Its_Folder()
    {
        var camera = new CameraOptions { Id = "gate", Url = $"rtsp://127.0.0.1:{MosquittoBroker.FreeLoopbackPort()}/none" };
        var clips = new ClipOptions { SegmentRoot = _folder };
        var ringFolder = Path.Combine(_folder, "gate");
        Directory.CreateDirectory(ringFolder);

        // What a crashed appliance leaves behind: an ffmpeg still writing segments into the ring's folder.
        using var orphan = Process.Start(new ProcessStartInfo("ffmpeg", ["-nostdin", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10", "-c:v", "mpeg2video", "-f", "segment", "-segment_time", "1", Path.Combine(ringFolder, "orphan-%05d.ts")]))!;
        StaleRecorder.Remember(ringFolder, orphan.Id);
        await Eventually.HoldsAsync(() => Directory.EnumerateFiles(ringFolder, "orphan-*.ts").Any(), TimeSpan.FromSeconds(20), () => "the stand-in orphan never wrote a segment");

        await using var recorder = new SegmentRecorder(camera, clips, _logs.CreateFactory().CreateLogger("recorder"));
        await recorder.StartAsync(TestContext.Current.CancellationToken);

        Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(10)), "the left-behind ffmpeg is still recording");
        Assert.Contains(_logs.Lines, line => line.EventId == 2123 && line.Contains(orphan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_Noted_Pid_That_Now_Belongs_To_Another_Program_Is_Left_Alone()
    {
        using var unrelated = Process.Start(new ProcessStartInfo("sleep", ["30"]))!;
        StaleRecorder.Remember(_folder, unrelated.Id);

        Assert.Null(StaleRecorder.StopLeftBehind(_folder));
        Assert.False(unrelated.HasExited);
        unrelated.Kill();
    }

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
