using System.Security.Cryptography;
using EdgeIngest.Clips;
using EdgeIngest.Frames;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Clips;

public sealed class ClipCutterTests(RecordingCameraFixture camera) : IClassFixture<RecordingCameraFixture>
{
    private const double KeyframeIntervalSeconds = 1; // the demo video's GOP
    private const int ThumbWidth = 32;
    private const int ThumbHeight = 18;
    private const double DemoFps = 15;

    [Fact]
    public async Task Clip_Around_A_Read_Covers_Pre_And_Post_Roll_Decodes_Cleanly_Has_Its_Index_First_And_Matches_Its_Sha256()
    {
        await camera.RingHoldsAsync(TimeSpan.FromSeconds(camera.Options.PreRollSeconds + 1));
        var read = DateTimeOffset.UtcNow;

        var clip = await camera.Cutter.CutAroundAsync(RecordingCameraFixture.CameraId, read, TestContext.Current.CancellationToken);

        var preRoll = TimeSpan.FromSeconds(camera.Options.PreRollSeconds);
        var postRoll = TimeSpan.FromSeconds(camera.Options.PostRollSeconds);
        Assert.False(clip.TruncatedPreRoll, $"{clip}");
        Assert.False(clip.TruncatedPostRoll, $"{clip}");
        Assert.True(clip.StartsAt <= read - preRoll, $"clip starts at {clip.StartsAt:O}, after {read - preRoll:O}");
        Assert.True(clip.EndsAt >= read + postRoll, $"clip ends at {clip.EndsAt:O}, before {read + postRoll:O}");
        // Whole segments: at most one segment (2 s, cut at the next 1 s keyframe) beyond each end.
        Assert.InRange(clip.Duration.TotalSeconds, (preRoll + postRoll).TotalSeconds, (preRoll + postRoll).TotalSeconds + 7);
        Assert.InRange(await MediaFile.DurationSecondsAsync(clip.Path), clip.Duration.TotalSeconds - 1, clip.Duration.TotalSeconds + 1);

        Assert.Equal("", await MediaFile.ErrorsAsync(clip.Path));
        var boxes = MediaFile.TopLevelBoxes(clip.Path);
        Assert.True(boxes.IndexOf("moov") >= 0 && boxes.IndexOf("moov") < boxes.IndexOf("mdat"), $"boxes: {string.Join(",", boxes)}");
        var bytes = await File.ReadAllBytesAsync(clip.Path, TestContext.Current.CancellationToken);
        Assert.Equal(bytes.Length, clip.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), clip.Sha256);
        Assert.Equal(camera.Cutter.ClipDirectory, Path.GetDirectoryName(clip.Path));
    }

    [Fact]
    public async Task Clip_Reaching_Back_Beyond_The_Ring_Is_Marked_Truncated_And_Starts_Where_The_Ring_Does()
    {
        await camera.RingHoldsAsync(TimeSpan.FromSeconds(3));
        var oldest = camera.Recorder.Ring.Snapshot()[0];
        var from = oldest.StartsAt - TimeSpan.FromMinutes(5);
        var to = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1);

        var clip = await camera.Cutter.CutAsync(RecordingCameraFixture.CameraId, from, to, TestContext.Current.CancellationToken);

        Assert.True(clip.TruncatedPreRoll);
        Assert.False(clip.TruncatedPostRoll);
        Assert.Equal(from, clip.RequestedFrom);
        Assert.True(clip.StartsAt > from);
        // The ring may have dropped its oldest segment between the snapshot and the cut, never gained an older one.
        Assert.True(clip.StartsAt >= oldest.StartsAt, $"clip starts {clip.StartsAt:O}, ring started {oldest.StartsAt:O}");
        Assert.InRange(await MediaFile.DurationSecondsAsync(clip.Path), clip.Duration.TotalSeconds - 1, clip.Duration.TotalSeconds + 1);
        Assert.Equal("", await MediaFile.ErrorsAsync(clip.Path));
    }

    [Fact]
    public async Task Cut_Told_To_Cut_Now_Stops_Waiting_For_Its_Post_Roll_And_Holds_What_Is_Recorded()
    {
        // As at a shutdown: the clip's end is a minute away, and the appliance will not wait for it.
        await camera.RingHoldsAsync(TimeSpan.FromSeconds(3));
        var from = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2);
        var to = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        using var cutNow = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var clip = await camera.Cutter.CutAsync(RecordingCameraFixture.CameraId, from, to, TestContext.Current.CancellationToken, cutNow.Token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the cut waited {clock.Elapsed.TotalSeconds:F1} s for a post-roll it was told not to wait for");
        Assert.True(clip.TruncatedPostRoll, $"{clip}");
        Assert.True(clip.EndsAt < to, $"{clip}");
        Assert.True(clip.Segments > 0, $"{clip}");
        Assert.Equal("", await MediaFile.ErrorsAsync(clip.Path));
        Assert.InRange(await MediaFile.DurationSecondsAsync(clip.Path), clip.Duration.TotalSeconds - 1, clip.Duration.TotalSeconds + 1);
    }

    [Fact]
    public async Task Frame_Seen_By_The_Decoder_At_Time_T_Is_In_The_Clip_Within_One_Keyframe_Interval_Of_T()
    {
        await using var decoder = TestCameras.Create("clips-timing", camera.Simulator.UrlFor("/cam1"), camera.Logs.CreateFactory());
        await decoder.StartAsync(TestContext.Current.CancellationToken);
        var (seenAt, thumb) = await TakeFrameShowingAPlateAsync(decoder);
        await decoder.StopAsync(TestContext.Current.CancellationToken);

        var clip = await camera.Cutter.CutAsync(
            RecordingCameraFixture.CameraId, seenAt - TimeSpan.FromSeconds(3), seenAt + TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var clipThumbs = await DecodeThumbnailsAsync(clip.Path);

        var scores = clipThumbs.Select(candidate => Distance(thumb, candidate)).ToArray();
        var best = Array.IndexOf(scores, scores.Min());
        var expectedSeconds = (seenAt - clip.StartsAt).TotalSeconds;
        var foundSeconds = best / DemoFps;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"frame seen at {seenAt:O}; clip {clip.StartsAt:O}..{clip.EndsAt:O}; expected at {expectedSeconds:F2} s, found at {foundSeconds:F2} s (error {foundSeconds - expectedSeconds:+0.00;-0.00} s)");
        Assert.True(
            Math.Abs(foundSeconds - expectedSeconds) <= KeyframeIntervalSeconds,
            $"the frame seen at {seenAt:O} is {foundSeconds:F2} s into the clip; its timing says {expectedSeconds:F2} s");
    }

    /// <summary>A frame with a plate in view (white pixels in the road band), so it matches one moment of the clip only.</summary>
    private static async Task<(DateTimeOffset SeenAt, float[] Thumb)> TakeFrameShowingAPlateAsync(EdgeIngest.Cameras.CameraIngest decoder)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var frame = await decoder.NextFrameAsync(TimeSpan.FromSeconds(20));
            try
            {
                if (attempt > 10 && WhitePixelsInRoadBand(frame) > 5_000)
                {
                    return (frame.CapturedAtUtc, Thumbnail(frame.Image));
                }
            }
            finally
            {
                frame.Release();
            }
        }

        throw new InvalidOperationException("no frame with a plate in view within 15 s");
    }

    private static int WhitePixelsInRoadBand(FrameBuffer frame)
    {
        var pixels = frame.Image.Span;
        var count = 0;
        for (var y = 380; y < 610; y++)
        {
            var row = pixels.Slice(y * frame.Image.Stride, frame.Image.Stride);
            for (var x = 0; x < row.Length; x += 3)
            {
                if (row[x] > 240 && row[x + 1] > 240 && row[x + 2] > 240)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Luma averaged over 40×40 blocks, normalised to zero mean and unit variance.</summary>
    private static float[] Thumbnail(BgrImage image)
    {
        var thumb = new float[ThumbWidth * ThumbHeight];
        var blockW = image.Width / ThumbWidth;
        var blockH = image.Height / ThumbHeight;
        var pixels = image.Span;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var i = (y * image.Stride) + (x * 3);
                var luma = (0.114f * pixels[i]) + (0.587f * pixels[i + 1]) + (0.299f * pixels[i + 2]);
                thumb[(Math.Min(y / blockH, ThumbHeight - 1) * ThumbWidth) + Math.Min(x / blockW, ThumbWidth - 1)] += luma;
            }
        }

        return Normalise(thumb);
    }

    private static async Task<List<float[]>> DecodeThumbnailsAsync(string clipPath)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"edgeingest-thumbs-{Guid.NewGuid():N}.gray");
        try
        {
            await ProcessRunner.RunCheckedAsync("ffmpeg", [
                "-nostdin", "-v", "error", "-i", clipPath, "-fps_mode", "passthrough",
                "-vf", $"scale={ThumbWidth}:{ThumbHeight}:flags=area,format=gray", "-f", "rawvideo", raw], TimeSpan.FromSeconds(30));
            var bytes = await File.ReadAllBytesAsync(raw, TestContext.Current.CancellationToken);
            return [.. bytes.Chunk(ThumbWidth * ThumbHeight).Select(frame => Normalise([.. frame.Select(b => (float)b)]))];
        }
        finally
        {
            File.Delete(raw);
        }
    }

    private static float[] Normalise(float[] values)
    {
        var mean = values.Average();
        var deviation = MathF.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average()) + 1e-6f;
        return [.. values.Select(v => (v - mean) / deviation)];
    }

    private static float Distance(float[] a, float[] b) => a.Zip(b, (x, y) => (x - y) * (x - y)).Sum();
}
